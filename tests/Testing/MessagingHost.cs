using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebRtcChat.Messaging;
using Xunit;

namespace WebRtcChat.Testing;

/// <summary>
/// The Messaging service on a real port with its own database, trusting <see cref="IdentityHost"/>'s tokens, for tests of
/// the services that consume its events or ask it about rooms.
/// </summary>
public sealed class MessagingHost : IAsyncDisposable
{
    private static readonly TimeSpan DirectoryWait = TimeSpan.FromSeconds(20);

    private MessagingHost(ServiceFactory<MessagingApp> factory, Uri address)
    {
        Factory = factory;
        Address = address;
    }

    public ServiceFactory<MessagingApp> Factory { get; }

    /// <summary>Where Messaging listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address { get; }

    /// <summary>Starts Messaging; its queues exist once this returns, so no later Identity event is missed.</summary>
    public static async Task<MessagingHost> StartAsync(TestInfrastructure infrastructure, IdentityHost identity)
    {
        ArgumentNullException.ThrowIfNull(infrastructure);
        ArgumentNullException.ThrowIfNull(identity);
        var settings = ServiceSettings.For(infrastructure, await infrastructure.CreateDatabaseAsync("messaging"), "messagingdb");
        identity.Trust(settings);
        var factory = new ServiceFactory<MessagingApp>(settings);
        return new MessagingHost(factory, factory.ListenOnFreePort());
    }

    /// <summary>Makes a service's <paramref name="settings"/> reach this Messaging (service discovery, as the AppHost sets it).</summary>
    public void Reference(IDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["services:messaging:http:0"] = Address.AbsoluteUri;
    }

    /// <summary>
    /// Creates a group room of <paramref name="owner"/> with <paramref name="members"/> and returns its id, retrying
    /// while Messaging has not yet learnt of a new member from Identity's event (it answers 400 "No such users").
    /// </summary>
    public async Task<Guid> CreateGroupAsync(TestUser owner, params TestUser[] members)
    {
        ArgumentNullException.ThrowIfNull(owner);
        using var http = Factory.CreateClient();
        var deadline = DateTime.UtcNow + DirectoryWait;
        while (true)
        {
            using var response = await http.SendAsync(owner.Request(
                HttpMethod.Post, "/api/rooms", JsonContent.Create(new { type = "group", name = "test room", memberIds = members.Select(m => m.Id) })));
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
            }

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True(DateTime.UtcNow < deadline, "Messaging never learnt of the room's members.");
            await Task.Delay(100);
        }
    }

    /// <summary>Sends a text message over Messaging's REST API and returns its id.</summary>
    public async Task<Guid> SendAsync(TestUser sender, Guid roomId, string content)
    {
        ArgumentNullException.ThrowIfNull(sender);
        using var http = Factory.CreateClient();
        using var response = await http.SendAsync(sender.Request(HttpMethod.Post, "/api/messages/send", JsonContent.Create(new { roomId, content })));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
