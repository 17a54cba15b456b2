using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace WebRtcChat.Gateway.Proxy.CallRouting;

/// <summary>
/// Finds the SFU node hosting a call by asking the nodes themselves (<c>GET /api/calls/{id}/node</c>; the gateway never
/// reads MediaSfu's store), one after another until one answers, and remembers the answer for
/// <see cref="CallRoutingOptions.CacheDuration"/>. Unknown calls and calls whose node is not live are not remembered.
/// </summary>
public sealed partial class CallNodeLocator(IHttpClientFactory clients, TimeProvider time, IOptions<CallRoutingOptions> options, ILogger<CallNodeLocator> logger)
{
    public const string HttpClientName = "call-node-lookup";

    // Past this many remembered calls, the expired ones are dropped (calls end; the map must not grow forever).
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<Guid, (Uri Node, DateTimeOffset Until)> remembered = new();

    /// <summary>
    /// The HTTP address of the node hosting <paramref name="callId"/>, or null when no node knows one (an unknown call, a
    /// call whose node is not live, or no node answering). <paramref name="authorization"/> is the caller's.
    /// </summary>
    public async Task<Uri?> LocateAsync(Guid callId, IReadOnlyList<Uri> nodes, string? authorization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var now = time.GetUtcNow();
        if (remembered.TryGetValue(callId, out var known) && known.Until > now)
        {
            return known.Node;
        }

        foreach (var node in nodes)
        {
            if (await AskAsync(node, callId, authorization, cancellationToken) is not { } answer)
            {
                continue;
            }

            if (answer.HttpAddress is { } address)
            {
                Remember(callId, address, now);
            }

            return answer.HttpAddress;
        }

        return null;
    }

    /// <summary>Forgets where <paramref name="callId"/> was (its node is gone from the cluster).</summary>
    public void Forget(Guid callId) => remembered.TryRemove(callId, out _);

    /// <summary>What <paramref name="node"/> says; null when it did not answer (down, slow, failing).</summary>
    private async Task<Located?> AskAsync(Uri node, Guid callId, string? authorization, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.LookupTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(node, $"/api/calls/{callId}/node"));
        if (authorization is { Length: > 0 })
        {
            request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, authorization);
        }

        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            if (response.StatusCode >= HttpStatusCode.InternalServerError)
            {
                return null;
            }

            var body = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<NodeAnswer>(timeout.Token) : null;
            return new Located(body is { Live: true, HttpAddress: { } http } && Uri.TryCreate(http, UriKind.Absolute, out var address) ? address : null);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or NotSupportedException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogLookupFailed(logger, node, callId, exception.Message);
            return null;
        }
    }

    private void Remember(Guid callId, Uri node, DateTimeOffset now)
    {
        if (remembered.Count > PruneAbove)
        {
            foreach (var (id, entry) in remembered)
            {
                if (entry.Until <= now)
                {
                    remembered.TryRemove(id, out _);
                }
            }
        }

        remembered[callId] = (node, now + options.Value.CacheDuration);
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "SFU node {Node} did not say where call {CallId} is: {Reason}")]
    private static partial void LogLookupFailed(ILogger logger, Uri node, Guid callId, string reason);

    private sealed record Located(Uri? HttpAddress);

    /// <summary>The part of MediaSfu's answer routing needs.</summary>
    private sealed record NodeAnswer(bool Live, string? HttpAddress);
}
