using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.MediaSfu.Media;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>GET /api/calls/{id}/node: which node hosts a call, as the gateway asks it.</summary>
[Collection(SfuCollection.Name)]
public sealed class CallNodeApiTests(SfuFixture fixture)
{
    private readonly SfuClients clients = new(fixture);

    [Fact]
    public async Task A_signed_in_user_learns_the_node_of_a_call_and_an_unknown_call_is_not_found()
    {
        var alice = await fixture.RegisterAsync();
        var callId = await clients.CallAsync(alice, await fixture.Messaging.CreateGroupAsync(alice));
        using var http = fixture.Sfu.CreateClient();

        using (var response = await http.SendAsync(alice.Request(HttpMethod.Get, $"/api/calls/{callId}/node")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var node = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(Environment.MachineName, node.GetProperty("node").GetString());
            Assert.True(node.GetProperty("live").GetBoolean());
            Assert.Equal(fixture.SfuAddress.AbsoluteUri.TrimEnd('/'), node.GetProperty("httpAddress").GetString());
            Assert.EndsWith($":{fixture.Sfu.Services.GetRequiredService<SfuNode>().Ice.Candidate.Port}", node.GetProperty("mediaAddress").GetString(), StringComparison.Ordinal);
        }

        using (var unknown = await http.SendAsync(alice.Request(HttpMethod.Get, $"/api/calls/{Guid.CreateVersion7()}/node")))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            var problem = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement;
            Assert.EndsWith("call-not-found", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        }

        using var anonymous = await http.GetAsync(new Uri($"/api/calls/{callId}/node", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
