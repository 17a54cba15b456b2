using Aspire.Hosting.Orchestration;

namespace WebRtcChat.AppHost.Tests;

public sealed class PortAllocatorTests
{
    [Fact]
    public void A_free_port_is_handed_out_once_even_while_nothing_listens_on_it()
    {
        // RabbitMQ's epmd was once given the object store's port: both were free when asked for,
        // and the store had not started yet. Thousands of draws make the kernel repeat itself.
        var ports = Enumerable.Range(0, 3_000).Select(_ => PortAllocator.FreePort()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
    }
}
