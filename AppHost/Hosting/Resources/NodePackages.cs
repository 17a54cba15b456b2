using Aspire.Hosting.Orchestration;

namespace Aspire.Hosting;

/// <summary>The npm packages the AppHost runs, installed from the lockfile beside the solution.</summary>
internal static class NodePackages
{
    public static readonly RequiredBinary Node = new("node: Node.js", ["/usr/bin/node", "/usr/local/bin/node"], "install it with: sudo apt-get install -y nodejs");

    public static RequiredBinary Script(string resourceName, string package, string relativeScript, string appHostDirectory) => new(
        $"{resourceName}: the {package} npm package",
        [Path.GetFullPath(Path.Combine(appHostDirectory, "..", "node_modules", package, relativeScript))],
        $"install it with: npm ci --prefix {Path.GetFullPath(Path.Combine(appHostDirectory, ".."))}");
}
