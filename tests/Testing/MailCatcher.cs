using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

using Xunit;

namespace WebRtcChat.Testing;

/// <summary>Reads the mail the service sent from maildev's REST API (GET /email), by recipient.</summary>
public sealed partial class MailCatcher(Uri api)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The mails to <paramref name="address"/> whose subject contains <paramref name="subject"/>, once at least
    /// <paramref name="count"/> arrived (fails after ~10 s).
    /// </summary>
    public async Task<IReadOnlyList<CaughtMail>> WaitForAsync(string address, string subject, int count = 1)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            var mails = (await ToAsync(address)).Where(m => m.Subject.Contains(subject, StringComparison.OrdinalIgnoreCase)).ToList();
            if (mails.Count >= count)
            {
                return mails;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"Expected {count} mail(s) to {address} within {Patience.TotalSeconds} s, got {mails.Count}.");
            await Task.Delay(200);
        }
    }

    /// <summary>The mails to <paramref name="address"/> caught so far.</summary>
    public async Task<IReadOnlyList<CaughtMail>> ToAsync(string address)
    {
        using var http = new HttpClient { BaseAddress = api };
        var all = await http.GetFromJsonAsync<JsonElement>("/email");
        return [.. all.EnumerateArray()
            .Where(mail => mail.TryGetProperty("to", out var to) && to.EnumerateArray().Any(
                recipient => string.Equals(recipient.GetProperty("address").GetString(), address, StringComparison.OrdinalIgnoreCase)))
            .Select(mail => new CaughtMail(
                mail.GetProperty("subject").GetString() ?? string.Empty,
                mail.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : string.Empty,
                Addresses(mail, "from"),
                Addresses(mail, "to")))];
    }

    private static List<string> Addresses(JsonElement mail, string field) =>
        mail.TryGetProperty(field, out var list)
            ? [.. list.EnumerateArray().Select(a => a.GetProperty("address").GetString() ?? string.Empty)]
            : [];

    [GeneratedRegex(@"(?<url>https?://\S+?/(?<path>[a-z-]+)\?token=(?<token>[A-Za-z0-9_%\-]+))")]
    internal static partial Regex LinkPattern();
}

public sealed record CaughtMail(string Subject, string Text, IReadOnlyList<string> From, IReadOnlyList<string> To)
{
    /// <summary>The first link in the text, its path and its (unescaped) token.</summary>
    public (Uri Url, string Path, string Token) Link()
    {
        var match = MailCatcher.LinkPattern().Match(Text);
        Assert.True(match.Success, $"No token link in the mail '{Subject}'.");
        return (new Uri(match.Groups["url"].Value), match.Groups["path"].Value, Uri.UnescapeDataString(match.Groups["token"].Value));
    }
}
