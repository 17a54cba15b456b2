using System.Globalization;
using Aspire.Hosting.Orchestration;

namespace Aspire.Hosting;

/// <summary>Runs Debian's coturn with a configuration file, log and database in its data folder.</summary>
internal sealed class CoturnLauncher(TurnServerResource turn) : IProcessLauncher
{
    private static readonly RequiredBinary TurnServer = new(
        "coturn: the TURN server", ["/usr/bin/turnserver"], "install it with: sudo apt-get install -y coturn");

    public IReadOnlyList<RequiredBinary> RequiredBinaries { get; } = [TurnServer];

    /// <summary>What the process and the manifest's image share: the REST API auth scheme, no TLS, no CLI, the relay ports.</summary>
    public static IEnumerable<string> CommonArguments(TurnServerResource turn) =>
    [
        "--use-auth-secret",
        "--realm=webrtcchat",
        "--fingerprint",
        "--no-cli",
        "--no-tls",
        "--no-dtls",
        "--no-multicast-peers",
        "--no-software-attribute",
        string.Create(CultureInfo.InvariantCulture, $"--min-port={turn.RelayPorts.Min}"),
        string.Create(CultureInfo.InvariantCulture, $"--max-port={turn.RelayPorts.Max}"),
    ];

    public async Task<ProcessSpec> PrepareAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(context.DataDirectory);
        var configFile = Path.Combine(context.DataDirectory, "turnserver.conf");
        var lines = new List<string>
        {
            $"listening-ip={turn.ListeningIp}",
            string.Create(CultureInfo.InvariantCulture, $"listening-port={turn.PrimaryEndpoint.Port}"),
            $"relay-ip={turn.ListeningIp}",
            $"static-auth-secret={turn.SecretParameter.Value}",
            $"log-file={Path.Combine(context.DataDirectory, "turnserver.log")}",
            "simple-log",
            $"pidfile={Path.Combine(context.DataDirectory, "turnserver.pid")}",
            $"userdb={Path.Combine(context.DataDirectory, "turndb")}",
        };
        lines.AddRange(CommonArguments(turn).Select(argument => argument[2..]));
        if (turn.ExternalIp is { } externalIp)
        {
            lines.Add($"external-ip={externalIp}/{turn.ListeningIp}");
        }

        if (System.Net.IPAddress.TryParse(turn.ListeningIp, out var address) && System.Net.IPAddress.IsLoopback(address))
        {
            // Local development and tests: the peers' relayed addresses are on loopback too.
            lines.Add("allow-loopback-peers");
        }

        await File.WriteAllLinesAsync(configFile, lines, cancellationToken);
        File.SetUnixFileMode(configFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return new ProcessSpec(TurnServer.Resolve(), ["-c", configFile]) { WorkingDirectory = context.DataDirectory };
    }
}
