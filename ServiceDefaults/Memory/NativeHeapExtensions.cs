using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class NativeHeapExtensions
{
    /// <summary>Trims the C library's heap every <see cref="NativeHeapOptions.TrimInterval"/> (section <c>NativeHeap</c>).</summary>
    public static TBuilder AddNativeHeapTrimming<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<NativeHeapOptions>().Bind(builder.Configuration.GetSection(NativeHeapOptions.SectionName));
        builder.Services.AddHostedService<NativeHeapTrimmer>();
        return builder;
    }
}
