using System.Globalization;
using System.Text;

namespace WebRtcChat.Bench.SfuLoad.Servers;

/// <summary>
/// The SFU's media plane in its own process (a runner started with <c>serve</c>), driven by the load generator over
/// stdin/stdout, so the CPU time and allocations measured are the forwarding's. Commands, one per line:
/// <c>join &lt;call&gt; &lt;offer, base64&gt;</c> answers <c>&lt;answer, base64&gt;</c>; <c>connected &lt;call&gt;</c> answers how many
/// peers have SRTP keys; <c>stats</c> answers the bytes allocated so far, the packets forwarded, the gen-0 GCs and the
/// forwarding times' counts.
/// </summary>
public static class SfuServer
{
    /// <summary>
    /// When the program was started as a server by <see cref="SfuProcess.Start"/> (<c>serve PRIORITY HELPERS</c>), serves
    /// until its input ends and returns true; false for any other arguments.
    /// </summary>
    public static async Task<bool> ServeIfAskedAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is not ["serve", var priority, var helpers])
        {
            return false;
        }

        await RunAsync(Console.In, Console.Out, int.Parse(priority, CultureInfo.InvariantCulture), SfuProcess.ParseHelpers(helpers));
        return true;
    }

    /// <param name="receiveThreadPriority">The receive threads' real-time priority (see <see cref="MediaSfu.Calls.SfuOptions.ReceiveThreadPriority"/>); 0 for normal.</param>
    /// <param name="fanOutHelpers">Whether the receive threads have fan-out helpers; null for the service's default.</param>
    public static async Task RunAsync(TextReader input, TextWriter output, int receiveThreadPriority = 0, bool? fanOutHelpers = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        using var sfu = new InProcessSfu(receiveThreadPriority, fanOutHelpers);
        while (await input.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ');
            var reply = parts switch
            {
                ["join", var call, var offer] => Join(sfu, Guid.Parse(call), Convert.FromBase64String(offer)),
                ["connected", var call] => sfu.Connected(Guid.Parse(call)).ToString(CultureInfo.InvariantCulture),
                ["stats"] => sfu.Stats(),
                _ => "error unknown command",
            };
            await output.WriteLineAsync(reply);
            await output.FlushAsync();
        }
    }

    private static string Join(InProcessSfu sfu, Guid callId, byte[] offerText)
    {
        try
        {
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(sfu.Join(callId, Encoding.UTF8.GetString(offerText))));
        }
        catch (InvalidOperationException e)
        {
            return "error " + e.Message;
        }
    }
}
