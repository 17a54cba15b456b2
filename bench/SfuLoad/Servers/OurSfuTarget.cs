using WebRtcChat.Bench.SfuLoad.Load;
using WebRtcChat.WebRtc.Client;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.Bench.SfuLoad.Servers;

/// <summary>
/// Our SFU as a load target: every peer joins the call with one offer (publishers send-only sections; subscribers one
/// receive-only audio and video section per publisher they receive, which the SFU fills in join order).
/// </summary>
public sealed class OurSfuTarget(Func<Guid, string, Task<string>> join, int processId, Func<Task<ServerCounters?>> counters, IDisposable server, string name = "ours (MediaSfu)") : ILoadTarget
{
    public string Name => name;

    public int ProcessId => processId;

    /// <summary>
    /// The SFU in its own process, started from the running program with <c>serve</c> (its receive threads at
    /// <paramref name="realtimePriority"/> when above 0; fan-out helpers as the service has them unless <paramref name="fanOutHelpers"/> says).
    /// </summary>
    public static OurSfuTarget InOwnProcess(int realtimePriority = 0, bool? fanOutHelpers = null)
    {
        var process = SfuProcess.Start(realtimePriority, fanOutHelpers);
        return new OurSfuTarget(process.JoinAsync, process.Id, async () =>
        {
            var stats = await process.StatsAsync();
            return new ServerCounters(stats.Allocated, stats.Gen0Collections, stats.ForwardingLatency, stats.Handling);
        }, process, fanOutHelpers switch { true => "ours, fan-out helpers on", false => "ours, no fan-out helpers", null => "ours (MediaSfu)" });
    }

    /// <summary>The SFU in this process (the smoke test): CPU and memory are then the whole process's.</summary>
    public static OurSfuTarget InThisProcess(bool? fanOutHelpers = null)
    {
        var sfu = new InProcessSfu(fanOutHelpers: fanOutHelpers);
        return new OurSfuTarget((call, offer) => Task.FromResult(sfu.Join(call, offer)), Environment.ProcessId, () => Task.FromResult<ServerCounters?>(null), sfu);
    }

    public Task<ILoadCall> OpenCallAsync(int index) => Task.FromResult<ILoadCall>(new Call(Guid.NewGuid(), join));

    public Task<ServerCounters?> CountersAsync() => counters();

    public ValueTask DisposeAsync()
    {
        server.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class Call(Guid callId, Func<Guid, string, Task<string>> join) : ILoadCall
    {
        public Task<ClientPeer> PublishAsync(int publisher, IReadOnlyList<OfferedTrack> tracks, Action<ClientPeer>? prepare = null) => JoinAsync(tracks, prepare);

        public Task<ClientPeer> SubscribeAsync(IReadOnlyList<int> publishers) =>
            JoinAsync([.. publishers.SelectMany(_ => new[] { new OfferedTrack("audio", MediaDirection.RecvOnly), new OfferedTrack("video", MediaDirection.RecvOnly) })]);

        private async Task<ClientPeer> JoinAsync(IReadOnlyList<OfferedTrack> tracks, Action<ClientPeer>? prepare = null)
        {
            var peer = new ClientPeer(tracks);
            prepare?.Invoke(peer);
            try
            {
                await peer.ConnectAsync(await join(callId, peer.OfferText)).WaitAsync(TimeSpan.FromSeconds(20));
                return peer;
            }
            catch
            {
                peer.Dispose();
                throw;
            }
        }
    }
}
