using System.Globalization;
using Aspire.Hosting.Orchestration;

namespace Aspire.Hosting;

/// <summary>Runs Debian's redis-server on loopback with a password, persisting to its data folder.</summary>
internal sealed class RedisLauncher(RedisResource redis) : IProcessLauncher
{
    private static readonly RequiredBinary RedisServer = new(
        "redis: the Redis server", ["/usr/bin/redis-server"], "install it with: sudo apt-get install -y redis-server");

    public IReadOnlyList<RequiredBinary> RequiredBinaries { get; } = [RedisServer];

    public async Task<ProcessSpec> PrepareAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(context.DataDirectory);
        var configFile = Path.Combine(context.DataDirectory, "redis.conf");
        var port = redis.PrimaryEndpoint.Port.ToString(CultureInfo.InvariantCulture);
        await File.WriteAllLinesAsync(configFile,
        [
            "bind 127.0.0.1",
            $"port {port}",
            $"requirepass {redis.PasswordParameter.Value}",
            $"dir {context.DataDirectory}",
            "daemonize no",
            "save 60 1",
            "appendonly no",
            "loglevel notice",
        ], cancellationToken);
        File.SetUnixFileMode(configFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return new ProcessSpec(RedisServer.Resolve(), [configFile]) { WorkingDirectory = context.DataDirectory };
    }
}
