using System.Globalization;
using Aspire.Hosting.Orchestration;

namespace Aspire.Hosting;

internal sealed class S3rverLauncher(S3ObjectStoreResource store, string appHostDirectory) : IProcessLauncher
{
    private readonly RequiredBinary script = NodePackages.Script(store.Name, "s3rver", "bin/s3rver.js", appHostDirectory);

    public IReadOnlyList<RequiredBinary> RequiredBinaries => [NodePackages.Node, script];

    public Task<ProcessSpec> PrepareAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        var data = Path.Combine(context.DataDirectory, "objects");
        Directory.CreateDirectory(data);
        return Task.FromResult(new ProcessSpec(NodePackages.Node.Resolve(),
        [
            script.Resolve(),
            "--directory", data,
            "--address", "127.0.0.1",
            "--port", store.PrimaryEndpoint.Port.ToString(CultureInfo.InvariantCulture),
            "--no-vhost-buckets",
            "--silent",
        ])
        { WorkingDirectory = context.DataDirectory });
    }
}
