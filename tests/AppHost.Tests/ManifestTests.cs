using System.Diagnostics;
using WebRtcChat.Testing;

namespace WebRtcChat.AppHost.Tests;

public sealed class ManifestTests
{
    [Fact]
    public async Task The_committed_manifest_is_what_the_AppHost_publishes()
    {
        var root = TestFolders.RepositoryRoot;
        var generated = Path.Combine(root, $"aspire-manifest.check-{Guid.NewGuid():N}.json");
        try
        {
            var info = new ProcessStartInfo("dotnet", [typeof(Aspire.Hosting.DistributedApplication).Assembly.Location, "--publisher", "manifest", "--output-path", generated])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(info)!;
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"publishing failed with {process.ExitCode}: {await errors}");

            var committed = await File.ReadAllTextAsync(Path.Combine(root, "aspire-manifest.json"));
            Assert.True(committed == await File.ReadAllTextAsync(generated),
                "aspire-manifest.json is out of date; regenerate it with: dotnet run --project AppHost -- --publisher manifest --output-path ../aspire-manifest.json");
        }
        finally
        {
            File.Delete(generated);
        }
    }
}
