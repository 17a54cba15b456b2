using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>The group call REST API: one live call per room, members only, leaving ends the call with its last participant.</summary>
[Collection(SfuCollection.Name)]
public sealed class CallsApiTests(SfuFixture fixture)
{
    [Fact]
    public async Task A_room_has_one_live_call_that_only_its_members_see()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var stranger = await fixture.RegisterAsync();
        var roomId = await fixture.Messaging.CreateGroupAsync(alice, bob);

        var (createdStatus, created) = await CreateAsync(alice, roomId);
        Assert.Equal(HttpStatusCode.Created, createdStatus);
        Assert.Equal(roomId, created.GetProperty("roomId").GetGuid());
        Assert.Equal(alice.Id, created.GetProperty("createdBy").GetGuid());
        Assert.Empty(created.GetProperty("participants").EnumerateArray());

        var (againStatus, again) = await CreateAsync(bob, roomId);
        Assert.Equal(HttpStatusCode.OK, againStatus);
        var callId = created.GetProperty("id").GetGuid();
        Assert.Equal(callId, again.GetProperty("id").GetGuid());

        var (strangerStatus, problem) = await CreateAsync(stranger, roomId);
        Assert.Equal(HttpStatusCode.NotFound, strangerStatus);
        Assert.EndsWith("room-not-found", problem.GetProperty("type").GetString(), StringComparison.Ordinal);

        using var http = fixture.Sfu.CreateClient();
        using (var read = await http.SendAsync(bob.Request(HttpMethod.Get, $"/api/calls/{callId}")))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        using (var hidden = await http.SendAsync(stranger.Request(HttpMethod.Get, $"/api/calls/{callId}")))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        using (var unknown = await http.SendAsync(alice.Request(HttpMethod.Get, $"/api/calls/{Guid.NewGuid()}")))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }
    }

    [Fact]
    public async Task Creating_a_call_needs_a_room_and_a_token()
    {
        var alice = await fixture.RegisterAsync();
        using var http = fixture.Sfu.CreateClient();

        using (var missing = await http.SendAsync(alice.Request(HttpMethod.Post, "/api/calls/group", JsonContent.Create(new { }))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.Contains("roomId", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var anonymous = await http.PostAsJsonAsync("/api/calls/group", new { roomId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Leaving_a_call_you_are_not_in_is_a_conflict()
    {
        var alice = await fixture.RegisterAsync();
        var roomId = await fixture.Messaging.CreateGroupAsync(alice);
        var (_, call) = await CreateAsync(alice, roomId);

        using var http = fixture.Sfu.CreateClient();
        using var leave = await http.SendAsync(alice.Request(HttpMethod.Post, $"/api/calls/{call.GetProperty("id").GetGuid()}/leave"));
        Assert.Equal(HttpStatusCode.Conflict, leave.StatusCode);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> CreateAsync(TestUser user, Guid roomId)
    {
        using var http = fixture.Sfu.CreateClient();
        using var response = await http.SendAsync(user.Request(HttpMethod.Post, "/api/calls/group", JsonContent.Create(new { roomId })));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }
}
