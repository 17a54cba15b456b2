namespace WebRtcChat.WebRtc.Transport;

/// <summary>Work cut into chunks that may run on different threads at once, each chunk exactly once (see <see cref="FanOutHelper"/>).</summary>
public interface IChunkedWork
{
    void RunChunk(int chunk);
}
