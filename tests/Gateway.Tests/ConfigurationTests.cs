using Microsoft.Extensions.Options;
using WebRtcChat.Gateway.Tests.Infrastructure;

namespace WebRtcChat.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class ConfigurationTests(GatewayFixture fixture)
{
    [Theory]
    [InlineData("Gateway:Cors:AllowedOrigins:0", "*")]
    [InlineData("Gateway:RateLimiting:Credentials:PermitLimit", "0")]
    [InlineData("Gateway:ForwardedHeaders:KnownProxies:0", "not-an-ip")]
    public void An_invalid_gateway_setting_stops_the_start(string key, string value)
    {
        var settings = fixture.Settings();
        settings[key] = value;

        var failure = Assert.ThrowsAny<Exception>(() => GatewayHost.Start(settings).Dispose());

        var validation = Assert.IsType<OptionsValidationException>(failure.GetBaseException());
        Assert.Contains(key.Split(':')[1], validation.Message, StringComparison.Ordinal);
    }
}
