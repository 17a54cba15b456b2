using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting.Dashboard.Api;

/// <summary>Writes a stream of values as text/event-stream, one <c>data:</c> JSON line each, until the client leaves or the dashboard stops.</summary>
internal sealed class ServerSentEvents<T>(Func<CancellationToken, IAsyncEnumerable<T>> source) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var stopping = httpContext.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var done = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, stopping);
        try
        {
            // Flushing the headers at once lets EventSource report the stream open before the first event.
            await response.Body.FlushAsync(done.Token);
            await foreach (var value in source(done.Token).WithCancellation(done.Token))
            {
                await response.WriteAsync("data: ", done.Token);
                await response.WriteAsync(JsonSerializer.Serialize(value, DashboardJson.Options), done.Token);
                await response.WriteAsync("\n\n", done.Token);
                await response.Body.FlushAsync(done.Token);
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
            // The client went away or the dashboard is stopping: the stream simply ends.
        }
    }
}
