using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Orchestration;
using WebRtcChat.Testing;

namespace WebRtcChat.AppHost.Tests;

/// <summary>Start-up problems an operator can fix stop the AppHost with one line naming the resource, the cause and the fix.</summary>
public sealed class StartupProblemTests : IDisposable
{
    private readonly string dataDirectory = TestFolders.Create("startup");

    [Fact]
    public async Task A_port_already_in_use_names_the_resource_and_the_port()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var builder = NewBuilder();
        builder.AddRedis("cache", port: port);
        await using var app = builder.Build();

        var problem = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync());

        Assert.StartsWith("cache: port " + port, problem.Message, StringComparison.Ordinal);
        Assert.Contains("already in use", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem.Message);
    }

    [Fact]
    public async Task A_missing_program_names_the_resource_and_how_to_install_it()
    {
        var builder = NewBuilder();
        builder.AddResource(new MissingServer("broker"))
            .WithAnnotation(new ProcessLaunchAnnotation(new MissingProgramLauncher(), restartOnExit: false));
        await using var app = builder.Build();

        var problem = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync());

        Assert.Equal("broker: the broker server not found (/opt/nowhere/bin/broker-server); install it with: sudo apt-get install -y broker-server", problem.Message);
    }

    [Fact]
    public void WaitFor_cycles_are_refused()
    {
        var builder = NewBuilder();
        var first = builder.AddResource(new MissingServer("first"));
        var second = builder.AddResource(new MissingServer("second"));
        first.WithAnnotation(new WaitAnnotation(second.Resource));
        second.WithAnnotation(new WaitAnnotation(first.Resource));

        var problem = Assert.Throws<DistributedApplicationException>(() => StartOrder.Layers([first.Resource, second.Resource]));

        Assert.Contains("cycle", problem.Message, StringComparison.Ordinal);
    }

    public void Dispose() => TestFolders.Delete(dataDirectory);

    private IDistributedApplicationBuilder NewBuilder() =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DisableDashboard = true, DataDirectory = dataDirectory });

    private sealed class MissingServer(string name) : Resource(name), IResourceWithWaitSupport;

    private sealed class MissingProgramLauncher : IProcessLauncher
    {
        public IReadOnlyList<RequiredBinary> RequiredBinaries { get; } =
            [new("broker: the broker server", ["/opt/nowhere/bin/broker-server"], "install it with: sudo apt-get install -y broker-server")];

        public Task<ProcessSpec> PrepareAsync(LaunchContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("never reached: the binary check fails first");
    }
}
