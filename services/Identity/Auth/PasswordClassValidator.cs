using Microsoft.AspNetCore.Identity;
using WebRtcChat.Identity.Model;

namespace WebRtcChat.Identity.Auth;

/// <summary>Identity's password validator for the account rules, so every way of setting a password obeys them.</summary>
internal sealed class PasswordClassValidator : IPasswordValidator<User>
{
    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password) =>
        Task.FromResult(AccountRules.CheckPassword(password) is { } error
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordPolicy", Description = error })
            : IdentityResult.Success);
}
