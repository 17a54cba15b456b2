using System.Net.Sockets;
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

    [Fact]
    public void Free_ports_are_drawn_below_the_ephemeral_range_that_outgoing_connections_and_port_0_binds_take_from()
    {
        var ephemeralStart = PortAllocator.EphemeralRangeStart();
        var ports = Enumerable.Range(0, 500).Select(_ => PortAllocator.FreePort()).ToList();

        Assert.All(ports, port => Assert.InRange(port, 20_000, ephemeralStart - 1));
    }

    [Theory]
    [InlineData(32_768, 20_000, 32_768)]
    [InlineData(49_152, 20_000, 49_152)]
    [InlineData(20_500, 0, 0)] // too little room below: the kernel picks, as before
    [InlineData(1_024, 0, 0)]
    public void The_draw_range_ends_where_the_ephemeral_range_starts(int ephemeralStart, int low, int high)
    {
        Assert.Equal((low, high), PortAllocator.DrawRange(ephemeralStart));
    }

    [Fact]
    public void A_port_another_process_has_claimed_is_not_claimed_again()
    {
        // What another AppHost or test run holds for a port it drew but has not bound yet (the first port nobody claimed).
        using var otherProcessClaim = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        var port = Enumerable.Range(20_000, 10_000).First(candidate => TryBind(otherProcessClaim, PortClaims.NameOf(candidate)));

        Assert.False(PortClaims.TryClaim(port));
        Assert.True(PortClaims.TryClaim(port + 20_000));
    }

    private static bool TryBind(Socket socket, string abstractName)
    {
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(abstractName));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
