using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using WebRtcChat.Identity.Auth;
using WebRtcChat.Identity.Data;
using WebRtcChat.Identity.Model;

namespace WebRtcChat.Identity.Extensions;

public static class AccountsExtensions
{
    /// <summary>ASP.NET Core Identity on the identity database: unique usernames and emails, the password policy, lockout.</summary>
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();

        // The login cookie, antiforgery tokens and account links are protected with keys every instance must share.
        builder.Services.AddDataProtection()
            .SetApplicationName("webrtcchat-identity")
            .PersistKeysToDbContext<IdentityDbContext>();

        builder.Services.AddIdentityCore<User>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = AccountRules.UserNameCharacters;
                options.Password.RequiredLength = AccountRules.MinPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = auth.MaxFailedAccessAttempts;
                options.Lockout.DefaultLockoutTimeSpan = auth.LockoutDuration;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<IdentityDbContext>()
            .AddSignInManager()
            .AddPasswordValidator<PasswordClassValidator>()
            .AddDefaultTokenProviders();

        builder.Services.AddOptions<AccountMailOptions>()
            .BindConfiguration(AuthOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<AccountTokens>();
        builder.Services.AddScoped<AccountMailFlows>();
        builder.Services.AddSingleton<AccountMailer>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AccountMailer>());

        builder.Services.AddOptions<AccountDeletionOptions>()
            .BindConfiguration(AuthOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<AccountEraser>();
        builder.Services.AddScoped<SignInRecorder>();

        builder.Services.AddScoped<PasswordVerifier>();
        builder.Services.AddScoped<PrincipalFactory>();
        return builder;
    }
}
