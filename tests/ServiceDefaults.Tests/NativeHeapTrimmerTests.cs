using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using WebRtcChat.ServiceDefaults.Tests.Support;

namespace WebRtcChat.ServiceDefaults.Tests;

public sealed partial class NativeHeapTrimmerTests
{
    private const int ChunkBytes = 64 * 1024; // under glibc's mmap threshold: served from the heap, not mapped apart
    private const int Chunks = 512;

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

    /// <summary>
    /// 32 MB in 64 KB chunks, written, then freed while a chunk allocated after them stays live, so malloc cannot give
    /// them back from the heap's top by itself. Returns the freed chunks' addresses and the live chunk.
    /// </summary>
    private static unsafe (nint[] Freed, nint Pin) AllocateAndFreeBelowALiveChunk()
    {
        var chunks = new nint[Chunks];
        for (var i = 0; i < Chunks; i++)
        {
            var chunk = NativeMemory.Alloc(ChunkBytes);
            new Span<byte>(chunk, ChunkBytes).Fill(1);
            chunks[i] = (nint)chunk;
        }

        // The same size again, so it comes from the heap's top, after the others, not from a free hole before them.
        var pin = (nint)NativeMemory.Alloc(ChunkBytes);
        foreach (var chunk in chunks)
        {
            Free(chunk);
        }

        return (chunks, pin);
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

    [LibraryImport("libc", EntryPoint = "mincore")]
    private static partial int MinCore(nint address, nuint length, [Out] byte[] vector);
}
