using Microsoft.AspNetCore.Identity;

namespace WebRtcChat.Identity.Model;

/// <summary>An account: ASP.NET Core Identity's user with a sortable id and its creation time.</summary>
public sealed class User : IdentityUser<Guid>
{
    public DateTimeOffset CreatedAt { get; set; }
}
