using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WebRtcChat.ServiceDefaults.Tests.Support;

namespace WebRtcChat.ServiceDefaults.Tests;

public sealed partial class NativeHeapTrimmerTests
{
    private const int ChunkBytes = 64 * 1024; // under glibc's mmap threshold: served from the heap, not mapped apart
    private const int Chunks = 512;
    private const int TrimThresholdOption = -1; // glibc's M_TRIM_THRESHOLD

    [Fact]
    public async Task Native_memory_a_service_freed_goes_back_to_the_system_within_a_trim_interval()
    {
        var (freed, pin) = AllocateAndFreeBelowALiveChunk();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["NativeHeap:TrimInterval"] = "00:00:00.200";
        builder.AddNativeHeapTrimming();
        using var host = builder.Build();
        try
        {
            Assert.True(ResidentFraction(freed) > 0.9, "the freed chunks should still be resident before a trim");
            await host.StartAsync();
            await Eventually.TrueAsync(
                () => Task.FromResult(ResidentFraction(freed) <= 0.25), TimeSpan.FromSeconds(10), "32 MB of freed native memory was not given back");
        }
        finally
        {
            Free(pin);
            await host.StopAsync();
        }
    }

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("2.00:00:00")]
    public void A_trim_interval_out_of_range_stops_the_service_at_start_naming_the_setting(string interval)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["NativeHeap:TrimInterval"] = interval;
        builder.AddNativeHeapTrimming();
        using var host = builder.Build();

        var failure = Assert.Throws<OptionsValidationException>(() => host.Start());
        Assert.Contains("NativeHeap:TrimInterval must be between 00:00:00 (off) and 1.00:00:00", failure.Message);
    }

    /// <summary>
    /// 32 MB in 64 KB chunks, written, then freed while the chunk at the highest address stays live, so malloc cannot
    /// merge them into the heap's top and give them back by itself. Returns the freed chunks' addresses and the live chunk.
    /// </summary>
    private static unsafe (nint[] Freed, nint Pin) AllocateAndFreeBelowALiveChunk()
    {
        // free() also returns memory that reaches the heap's top once it passes this threshold; only the trimmer may here.
        Assert.Equal(1, MallOpt(TrimThresholdOption, int.MaxValue));
        var chunks = new nint[Chunks + 1];
        for (var i = 0; i < chunks.Length; i++)
        {
            var chunk = NativeMemory.Alloc(ChunkBytes);
            new Span<byte>(chunk, ChunkBytes).Fill(1);
            chunks[i] = (nint)chunk;
        }

        var pin = chunks.Max();
        var freed = chunks.Where(chunk => chunk != pin).ToArray();
        foreach (var chunk in freed)
        {
            Free(chunk);
        }

        return (freed, pin);
    }

    private static unsafe void Free(nint chunk) => NativeMemory.Free((void*)chunk);

    /// <summary>The fraction of the chunks' whole pages (headers aside) that are in memory.</summary>
    private static double ResidentFraction(nint[] chunks)
    {
        var pageSize = Environment.SystemPageSize;
        var resident = 0;
        var pages = 0;
        var vector = new byte[ChunkBytes / pageSize];
        foreach (var chunk in chunks)
        {
            var first = (chunk + pageSize) & ~(nint)(pageSize - 1);
            var count = (int)((chunk + ChunkBytes - first) / pageSize) - 1;
            Assert.Equal(0, MinCore(first, (nuint)(count * pageSize), vector));
            resident += vector.Take(count).Count(page => (page & 1) != 0);
            pages += count;
        }

        return (double)resident / pages;
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int option, int value);

    [LibraryImport("libc", EntryPoint = "mincore")]
    private static partial int MinCore(nint address, nuint length, [Out] byte[] vector);
}
