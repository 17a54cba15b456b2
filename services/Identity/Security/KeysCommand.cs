using System.Globalization;
using Microsoft.Extensions.Options;

namespace WebRtcChat.Identity.Security;

/// <summary>
/// The operator's key commands, run with the service's own configuration instead of starting the server:
/// <c>dotnet Identity.dll keys list</c> shows the signing keys, <c>dotnet Identity.dll keys rotate</c> creates the next
/// one now (published at once, signing after <c>Auth:SigningKeys:PublishAhead</c>). Running instances pick it up on
/// their next check.
/// </summary>
public static class KeysCommand
{
    public static bool TryRun(IHost host, string[] args, out int exitCode)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(args);
        exitCode = 0;
        if (args.Length == 0 || args[0] != "keys")
        {
            return false;
        }

        var keys = host.Services.GetRequiredService<ServerKeyRing>();
        var options = host.Services.GetRequiredService<IOptions<SigningKeyOptions>>().Value;
        switch (args.Length > 1 ? args[1] : null)
        {
            case "list":
                Print(keys.Synchronize().Schedule, options, keys.RetainFor);
                return true;
            case "rotate":
                Print(keys.Synchronize(rotateNow: true).Schedule, options, keys.RetainFor);
                return true;
            default:
                Console.Error.WriteLine("usage: Identity keys list | keys rotate");
                exitCode = 2;
                return true;
        }
    }

    private static void Print(SigningKeySchedule schedule, SigningKeyOptions options, TimeSpan retainFor)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Signing keys (rotate after {options.RotateAfter}, publish ahead {options.PublishAhead}, retain for {retainFor}):"));
        Row("signing", schedule.Signer!);
        foreach (var key in schedule.Pending)
        {
            Row("pending", key);
        }

        foreach (var key in schedule.Superseded)
        {
            Row("superseded", key);
        }
    }

    private static void Row(string state, ServerKey key) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {ServerKeyRing.KeyId(key.Id)}  {state,-10}  created {key.CreatedAt:u}"));
}
