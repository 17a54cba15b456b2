using System.ComponentModel.DataAnnotations;

namespace WebRtcChat.Identity.Auth;

/// <summary>The mailed account links (password reset, email confirmation), bound from the <c>Auth</c> section.</summary>
public sealed class AccountMailOptions
{
    /// <summary>The web app's public address; links in mails point under it.</summary>
    [Required]
    public Uri PublicUrl { get; set; } = new("http://localhost:8080");

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PasswordResetTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan EmailConfirmationTokenLifetime { get; set; } = TimeSpan.FromDays(3);

    public Uri Link(string path, string token) => new($"{Page(path)}?token={Uri.EscapeDataString(token)}");

    /// <summary>A page of the web app, by its path.</summary>
    public Uri Page(string path) => new($"{PublicUrl.ToString().TrimEnd('/')}/{path}");
}
