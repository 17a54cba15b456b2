using WebRtcChat.WebRtc.Dtls;

namespace WebRtcChat.WebRtc.Tests.Dtls;

public sealed class ChannelDatagramTransportTests
{
    // An epoch-0 change_cipher_spec record: the smallest well-formed DTLS datagram.
    private static readonly byte[] Record = [20, 0xFE, 0xFD, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1];

    [Fact]
    public async Task A_full_receive_queue_drops_and_counts_instead_of_blocking_the_receive_loop()
    {
        using var pair = new LoopbackPair();
        var transport = new ChannelDatagramTransport(pair.B, new DtlsOptions { ReceiveQueueCapacity = 8 });
        var received = 0;
        pair.B.Received += _ => Interlocked.Increment(ref received);

        for (var i = 0; i < 50; i++)
        {
            pair.A.Send(Record);
        }

        await WaitUntilAsync(() => Volatile.Read(ref received) == 50);
        Assert.Equal(42, transport.Dropped);
        var buffer = new byte[64];
        Assert.Equal(Record.Length, transport.Receive(buffer, 0, buffer.Length, 100));
        transport.End();
    }

    [Fact]
    public async Task Receive_waits_for_a_datagram_and_gives_up_after_its_timeout()
    {
        using var pair = new LoopbackPair();
        var transport = new ChannelDatagramTransport(pair.B, DtlsOptions.Default);
        var buffer = new byte[64];

        Assert.Equal(-1, transport.Receive(buffer, 0, buffer.Length, 50));
        var waiting = Task.Factory.StartNew(() => transport.Receive(buffer, 0, buffer.Length, 5000),
            TaskCreationOptions.LongRunning);
        await Task.Delay(50);
        pair.A.Send(Record);

        Assert.Equal(Record.Length, await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        transport.End();
    }

    [Fact]
    public async Task Rtp_and_malformed_records_never_reach_the_dtls_reader()
    {
        using var pair = new LoopbackPair();
        var transport = new ChannelDatagramTransport(pair.B, DtlsOptions.Default);
        var received = 0;
        pair.B.Received += _ => Interlocked.Increment(ref received);

        pair.A.Send([0x80, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]); // RTP
        pair.A.Send([22, 0xFE, 0xFD, 0, 0, 0, 0, 0, 0, 0, 1, 0, 40, 1, 2, 3]); // header claims 40 bytes, has 3
        pair.A.Send([23, 0xFE, 0xFD, 0, 0, 0, 0, 0, 0, 0, 2, 0, 1, 7]); // plaintext application data

        await WaitUntilAsync(() => Volatile.Read(ref received) == 3);
        Assert.Equal(-1, transport.Receive(new byte[64], 0, 64, 50));
        Assert.Equal(2, transport.Malformed);
        transport.End();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 5 s");
            await Task.Delay(10);
        }
    }
}
