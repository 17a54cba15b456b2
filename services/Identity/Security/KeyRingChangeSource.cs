using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace WebRtcChat.Identity.Security;

/// <summary>Makes <typeparamref name="TOptions"/> rebuild (re-running <see cref="ServerCredentialsSetup"/>) when the key ring changes.</summary>
internal sealed class KeyRingChangeSource<TOptions>(Func<IChangeToken> changeToken) : IOptionsChangeTokenSource<TOptions>
{
    public string Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => changeToken();
}
