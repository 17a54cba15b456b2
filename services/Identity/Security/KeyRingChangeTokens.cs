using Microsoft.Extensions.Primitives;

namespace WebRtcChat.Identity.Security;

/// <summary>
/// Tells the options monitors that the key ring changed, so OpenIddict rebuilds its options with the new keys: the
/// server's first, then validation's, because local validation copies its keys from the server options.
/// </summary>
public sealed class KeyRingChangeTokens : IDisposable
{
    private CancellationTokenSource server = new();
    private CancellationTokenSource validation = new();

    public IChangeToken ForServer() => new CancellationChangeToken(Volatile.Read(ref server).Token);

    public IChangeToken ForValidation() => new CancellationChangeToken(Volatile.Read(ref validation).Token);

    public void SignalChanged()
    {
        Fire(ref server);
        Fire(ref validation);
    }

    public void Dispose()
    {
        server.Dispose();
        validation.Dispose();
    }

    private static void Fire(ref CancellationTokenSource source)
    {
        // Swapped before cancelling: a monitor re-subscribes from its change callback and must get the fresh token.
        using var fired = Interlocked.Exchange(ref source, new CancellationTokenSource());
        fired.Cancel();
    }
}
