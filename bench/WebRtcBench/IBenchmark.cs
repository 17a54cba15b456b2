namespace WebRtcChat.Bench.WebRtc;

/// <summary>A benchmark class's set-up and clean-up, so the CPU-clock runner can drive it outside BenchmarkDotNet.</summary>
internal interface IBenchmark
{
    void Setup();

    void Cleanup();
}
