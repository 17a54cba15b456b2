using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;

namespace WebRtcChat.Bench.Presence;

/// <summary>
/// A lean chat hub client: a raw WebSocket speaking SignalR's JSON protocol (handshake, pings, records separated by
/// 0x1E), without negotiation, as browsers do with WebSockets only. Thousands fit in one process where as many
/// HubConnections would not (see <see cref="ClientFootprint"/>). Hands every record except pings to a callback.
/// </summary>
internal sealed class HubSocket : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1E;
    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");
    private static readonly byte[] PingRecord = Encoding.UTF8.GetBytes("{\"type\":6}");
    private readonly ClientWebSocket socket;
    private readonly byte[] buffer;
    private readonly Action<ReadOnlySpan<byte>>? onRecord;
    private readonly ArrayBufferWriter<byte>? pending;
    private readonly SemaphoreSlim sending = new(1, 1);
    private Task receiving = Task.CompletedTask;

    private HubSocket(ClientWebSocket socket, int bufferBytes, Action<ReadOnlySpan<byte>>? onRecord)
    {
        this.socket = socket;
        this.onRecord = onRecord;
        buffer = new byte[bufferBytes];
        pending = onRecord is null ? null : new ArrayBufferWriter<byte>(bufferBytes);
    }

    /// <summary>When the server last sent anything (a ping at the least every 15 s), as a <see cref="Stopwatch"/> timestamp.</summary>
    public long LastHeardFrom { get; private set; }

    /// <summary>Why the connection ended, or null while it is open.</summary>
    public string? Ended { get; private set; }

    public bool IsOpen => Ended is null && socket.State == WebSocketState.Open;

    /// <summary>
    /// Opens the hub at <paramref name="hub"/> (http or https) with <paramref name="accessToken"/> in the query and completes
    /// SignalR's handshake. Without <paramref name="onRecord"/> the records are read and dropped (idle connections).
    /// </summary>
    public static async Task<HubSocket> ConnectAsync(
        HttpMessageInvoker invoker, Uri hub, string accessToken, Action<ReadOnlySpan<byte>>? onRecord = null, int bufferBytes = 256)
    {
        var address = new UriBuilder(hub) { Scheme = hub.Scheme == Uri.UriSchemeHttps ? "wss" : "ws", Query = "access_token=" + Uri.EscapeDataString(accessToken) }.Uri;
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero; // SignalR's own pings keep the connection alive
        var client = new HubSocket(socket, bufferBytes, onRecord);
        try
        {
            await socket.ConnectAsync(address, invoker, CancellationToken.None);
            await socket.SendAsync(Handshake, WebSocketMessageType.Text, true, CancellationToken.None);
            await client.ReadHandshakeAnswerAsync();
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        client.LastHeardFrom = Stopwatch.GetTimestamp();
        client.receiving = client.ReceiveAsync();
        return client;
    }

    /// <summary>The client's side of the keep-alive: the server drops a client it has not heard from for 30 s.</summary>
    public async Task PingAsync()
    {
        if (!IsOpen)
        {
            return;
        }

        await sending.WaitAsync();
        try
        {
            await socket.SendAsync(Ping, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (Exception problem) when (problem is WebSocketException or ObjectDisposedException)
        {
            Ended ??= "ping failed: " + problem.Message;
        }
        finally
        {
            sending.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Ended ??= "closed by the client";
        socket.Abort();
        await receiving;
        socket.Dispose();
        sending.Dispose();
    }

    /// <summary>The server answers the handshake with <c>{}</c> (or an error) and the record separator.</summary>
    private async Task ReadHandshakeAnswerAsync()
    {
        var answer = new List<byte>();
        while (!answer.Contains(RecordSeparator))
        {
            var read = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (read.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException($"The hub closed during the handshake: {socket.CloseStatusDescription}");
            }

            answer.AddRange(buffer.AsSpan(0, read.Count));
        }

        var text = Encoding.UTF8.GetString([.. answer]);
        if (!text.StartsWith("{}\u001e", StringComparison.Ordinal))
        {
            throw new WebSocketException($"The hub refused the handshake: {text}");
        }

        // A record sent right after the answer would arrive in the same read.
        var rest = answer.Skip(3).ToArray();
        if (rest.Length > 0)
        {
            Collect(rest);
        }
    }

    private async Task ReceiveAsync()
    {
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                if (read.MessageType == WebSocketMessageType.Close)
                {
                    Ended ??= $"closed by the server: {socket.CloseStatus} {socket.CloseStatusDescription}";
                    return;
                }

                LastHeardFrom = Stopwatch.GetTimestamp();
                Collect(buffer.AsSpan(0, read.Count));
            }
        }
        catch (Exception problem) when (problem is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            Ended ??= "connection lost: " + problem.Message;
        }
    }

    /// <summary>Splits what arrived into records (they may span reads) and hands each but pings to the callback.</summary>
    private void Collect(ReadOnlySpan<byte> received)
    {
        if (pending is null || onRecord is null)
        {
            return;
        }

        while (received.Length > 0)
        {
            var end = received.IndexOf(RecordSeparator);
            if (end < 0)
            {
                pending.Write(received);
                return;
            }

            ReadOnlySpan<byte> record;
            if (pending.WrittenCount > 0)
            {
                pending.Write(received[..end]);
                record = pending.WrittenSpan;
            }
            else
            {
                record = received[..end];
            }

            if (!record.SequenceEqual(PingRecord))
            {
                onRecord(record);
            }

            pending.ResetWrittenCount();
            received = received[(end + 1)..];
        }
    }
}
