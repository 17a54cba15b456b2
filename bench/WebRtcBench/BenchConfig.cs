using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace WebRtcChat.Bench.WebRtc;

/// <summary>
/// In-process runs (no generated project to build on the shared 2-core machine), a short but steady job, and the
/// allocated bytes per operation next to the time. Artifacts go to the temp folder, not the repository.
/// </summary>
public static class BenchConfig
{
    public static IConfig Create() =>
        DefaultConfig.Instance
            .AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithWarmupCount(3)
                .WithIterationCount(15)
                .WithMinIterationTime(TimeInterval.FromMilliseconds(150))
                .WithId("InProcess"))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "WebRtcBench"))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
}
