using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class NativeHeapExtensions
{
    /// <summary>Trims the C library's heap every <see cref="NativeHeapOptions.TrimInterval"/> (section <c>NativeHeap</c>).</summary>
    public static TBuilder AddNativeHeapTrimming<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<NativeHeapOptions>()
            .BindConfiguration(NativeHeapOptions.SectionName)
            .Validate(
                o => o.TrimInterval >= TimeSpan.Zero && o.TrimInterval <= NativeHeapOptions.LongestTrimInterval,
                $"NativeHeap:TrimInterval must be between 00:00:00 (off) and {NativeHeapOptions.LongestTrimInterval}.")
            .ValidateOnStart();
        builder.Services.AddHostedService<NativeHeapTrimmer>();
        return builder;
    }
}
