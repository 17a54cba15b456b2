using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting.Orchestration;

namespace Aspire.Hosting;

/// <summary>
/// Runs Debian's RabbitMQ without its service wrapper: its own node name, ports, mnesia, logs,
/// feature-flags and cookie under the data folder, and its own epmd, so instances run side by side.
/// </summary>
internal sealed class RabbitMQLauncher(RabbitMQServerResource rabbit) : IProcessLauncher
{
    private const string InstallHint = "install it with: sudo apt-get install -y rabbitmq-server";
    private static readonly RequiredBinary Server = new("rabbitmq: the RabbitMQ server", ["/usr/lib/rabbitmq/bin/rabbitmq-server"], InstallHint);
    private static readonly RequiredBinary Epmd = new("rabbitmq: Erlang's epmd", ["/usr/bin/epmd", "/usr/lib/erlang/erts-*/bin/epmd"], InstallHint);

    public IReadOnlyList<RequiredBinary> RequiredBinaries { get; } = [Server, Epmd];

    public async Task<ProcessSpec> PrepareAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        var home = context.DataDirectory;
        Directory.CreateDirectory(Path.Combine(home, "log"));
        Directory.CreateDirectory(Path.Combine(home, "mnesia"));
        var port = rabbit.PrimaryEndpoint.Port;
        var epmdPort = PortAllocator.FreePort();
        var distributionPort = PortAllocator.FreePort();
        await File.WriteAllLinesAsync(Path.Combine(home, "rabbitmq.conf"),
        [
            $"listeners.tcp.default = 127.0.0.1:{port}",
            $"default_user = {rabbit.UserNameParameter.Value}",
            $"default_pass = {rabbit.PasswordParameter.Value}",
            "loopback_users = none",
            "log.console = true",
            "log.console.level = warning",
            "log.file = false",
        ], cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(home, "enabled_plugins"), "[].", cancellationToken);

        var nodeName = $"rabbit-{NodeSuffix(home)}@localhost";
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["ERL_EPMD_PORT"] = Invariant(epmdPort),
            ["RABBITMQ_NODENAME"] = nodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = Invariant(port),
            ["RABBITMQ_DIST_PORT"] = Invariant(distributionPort),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(home, "rabbitmq.conf"),
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(home, "advanced.config"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(home, "rabbitmq-env.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(home, "enabled_plugins"),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(home, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(home, "log"),
            ["RABBITMQ_FEATURE_FLAGS_FILE"] = Path.Combine(home, "feature_flags"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(home, "rabbitmq.pid"),
            ["RABBITMQ_LOGS"] = "-",
        };
        var epmd = new ProcessSpec(Epmd.Resolve(), ["-port", Invariant(epmdPort), "-address", "127.0.0.1"])
        {
            WorkingDirectory = home,
            ListensOnPort = epmdPort,
        };
        return new ProcessSpec(Server.Resolve(), [])
        {
            WorkingDirectory = home,
            Environment = environment,
            Companions = [epmd],
        };
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    // Stable per data folder, so a restarted node finds its own mnesia directory again.
    private static string NodeSuffix(string home) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(home)))[..8];
}
