using System.Net;
using System.Text.RegularExpressions;

namespace WebRtcChat.Identity.Tests;

/// <summary>
/// The test's network: each host name goes to the server the test runs for it (an in-process test server, or a
/// real port under a public-looking name). Any other host fails the test: nothing reaches the internet.
/// </summary>
internal sealed class TestNetwork(IReadOnlyDictionary<string, HttpMessageHandler> hosts) : HttpMessageHandler
{
    /// <summary>A handler that sends requests to <paramref name="address"/> whatever host they name.</summary>
    public static HttpMessageHandler Port(Uri address) => new Rewrite(address);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authority = request.RequestUri!.Authority;
        if (!hosts.TryGetValue(authority, out var handler))
        {
            throw new InvalidOperationException($"The test tried to reach {authority}, which is not part of its network.");
        }

        return new HttpMessageInvoker(handler, disposeHandler: false).SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var handler in hosts.Values)
            {
                handler.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private sealed class Rewrite(Uri address) : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Host = request.RequestUri!.Authority;
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = address.Scheme, Host = address.Host, Port = address.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>
/// Keeps cookies per host the way a browser does, over any handler. Like browsers, it treats loopback hosts as a
/// secure context: their <c>Secure</c> cookies (OpenIddict's correlation cookie) come back over plain http.
/// </summary>
internal sealed partial class CookieJar(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly CookieContainer cookies = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        if (cookies.GetCookieHeader(uri) is { Length: > 0 } header)
        {
            request.Headers.Add("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                cookies.SetCookies(uri, uri.IsLoopback ? SecureAttribute().Replace(setCookie, string.Empty) : setCookie);
            }
        }

        return response;
    }

    [GeneratedRegex(@";\s*secure\s*(?=;|$)", RegexOptions.IgnoreCase)]
    private static partial Regex SecureAttribute();
}
