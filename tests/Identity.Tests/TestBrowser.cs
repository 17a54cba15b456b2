using System.Net;
using System.Text.RegularExpressions;
using Duende.IdentityModel.OidcClient.Browser;

namespace WebRtcChat.Identity.Tests;

/// <summary>
/// The "browser" for the authorize flows: follows redirects, keeps cookies, and fills in the server-rendered forms
/// (the login form with the next password in <see cref="Passwords"/>, the consent form with <see cref="Consent"/>),
/// until it is sent to the end URL. The protocol work is the OIDC client library's.
/// </summary>
internal sealed partial class TestBrowser(HttpMessageHandler network, string login) : IBrowser, IDisposable
{
    private readonly HttpClient http = new(new CookieJar(network), disposeHandler: true);

    public Queue<string> Passwords { get; } = new([AuthClient.GoodPassword]);

    public string Consent { get; set; } = "allow";

    /// <summary>Every HTML page the browser was shown, in order.</summary>
    public List<ShownPage> Pages { get; } = [];

    public bool SawLoginPage => Pages.Any(p => p.IsLogin);

    public bool SawConsentPage => Pages.Any(p => p.IsConsent);

    public async Task<BrowserResult> InvokeAsync(BrowserOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var end = await BrowseAsync(new Uri(options.StartUrl), options.EndUrl, cancellationToken);
        return end is null
            ? new BrowserResult { ResultType = BrowserResultType.UnknownError, Error = $"Stopped at a page without a form to fill: {Pages.LastOrDefault()?.Url}" }
            : new BrowserResult { ResultType = BrowserResultType.Success, Response = end.AbsoluteUri };
    }

    /// <summary>Browses from <paramref name="start"/> until a URL starting with <paramref name="endUrl"/> (returned, not requested), or a page it cannot fill (null).</summary>
    public async Task<Uri?> BrowseAsync(Uri start, string endUrl, CancellationToken cancellationToken = default)
    {
        var url = start;
        HttpContent? form = null;
        for (var step = 0; step < 20; step++)
        {
            if (url.AbsoluteUri.StartsWith(endUrl, StringComparison.Ordinal))
            {
                return url;
            }

            using var request = new HttpRequestMessage(form is null ? HttpMethod.Get : HttpMethod.Post, url) { Content = form };
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.Headers.Location is { } location)
            {
                url = new Uri(url, location);
                form = null;
                continue;
            }

            var page = new ShownPage(url, response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
            Pages.Add(page);
            var fields = page.Fields();
            if (page.IsLogin && Passwords.TryDequeue(out var password))
            {
                fields["login"] = login;
                fields["password"] = password;
            }
            else if (page.IsConsent)
            {
                fields["decision"] = Consent;
            }
            else
            {
                return null;
            }

            url = new Uri(url, page.Action);
            form = new FormUrlEncodedContent(fields);
        }

        throw new InvalidOperationException($"Too many steps; last at {url}.");
    }

    public void Dispose() => http.Dispose();

    /// <summary>An HTML page as shown, with its (single) form read the simple way: the pages are ours.</summary>
    internal sealed partial record ShownPage(Uri Url, HttpStatusCode Status, string Html)
    {
        public bool IsLogin => Html.Contains("name=\"password\"", StringComparison.Ordinal);

        public bool IsConsent => Html.Contains("name=\"decision\"", StringComparison.Ordinal);

        public string? Error => ErrorMessage().Match(Html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;

        public string Action => WebUtility.HtmlDecode(FormAction().Match(Html).Groups[1].Value);

        /// <summary>The form's hidden fields, by name.</summary>
        public Dictionary<string, string> Fields() => HiddenInput().Matches(Html).ToDictionary(
            m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value), StringComparer.Ordinal);

        [GeneratedRegex("<form method=\"post\" action=\"([^\"]*)\"")]
        private static partial Regex FormAction();

        [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")]
        private static partial Regex HiddenInput();

        [GeneratedRegex("<p class=\"error\" role=\"alert\">([^<]*)</p>")]
        private static partial Regex ErrorMessage();
    }
}
