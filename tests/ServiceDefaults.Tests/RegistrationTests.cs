using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace WebRtcChat.ServiceDefaults.Tests;

/// <summary>Configuration mistakes fail at registration, with a message that names the setting.</summary>
public sealed class RegistrationTests
{
    [Theory]
    [InlineData("db")]
    [InlineData("redis")]
    [InlineData("eventbus")]
    [InlineData("objectstore")]
    [InlineData("mail")]
    public void A_missing_connection_string_is_named_in_the_error(string integration)
    {
        var builder = Host.CreateApplicationBuilder();
        Action register = integration switch
        {
            "db" => () => builder.AddNpgsqlDbContext<Support.TestDbContext>("missingdb"),
            "redis" => () => builder.AddRedisClient("missingdb"),
            "eventbus" => () => builder.AddEventBus("missingdb"),
            "objectstore" => () => builder.AddObjectStore("missingdb", "bucket"),
            _ => () => builder.AddMailSender("missingdb"),
        };

        var error = Assert.Throws<InvalidOperationException>(register);
        Assert.Contains("ConnectionStrings:missingdb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_token_authority_comes_from_service_discovery_when_not_set_explicitly()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["services:identity:http:0"] = "http://localhost:5123" })
            .Build();

        Assert.Equal(new Uri("http://localhost:5123"), AuthenticationExtensions.ResolveAuthority(configuration));
    }

    [Fact]
    public void An_explicit_identity_url_wins_over_service_discovery()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["services:identity:http:0"] = "http://localhost:5123",
                ["Identity:Url"] = "https://id.example.test",
            })
            .Build();

        Assert.Equal(new Uri("https://id.example.test"), AuthenticationExtensions.ResolveAuthority(configuration));
    }

    [Fact]
    public void Authentication_without_an_authority_fails_with_a_clear_message()
    {
        var builder = Host.CreateApplicationBuilder();

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddDefaultAuthentication());
        Assert.Contains("Identity:Url", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_must_carry_the_configured_issuer_and_the_default_audience()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["services:identity:http:0"] = "http://localhost:5123";
        builder.Configuration["Identity:Issuer"] = "http://localhost:8080/";
        builder.AddDefaultAuthentication();
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);

        Assert.Equal("http://localhost:5123/", options.Authority);
        Assert.False(options.RequireHttpsMetadata);
        Assert.Equal("webrtcchat", options.Audience);
        Assert.True(options.TokenValidationParameters.ValidateAudience);
        Assert.Contains("http://localhost:8080/", options.TokenValidationParameters.ValidIssuers);
        Assert.Equal([SecurityAlgorithms.RsaSha256], options.TokenValidationParameters.ValidAlgorithms);
    }
}
