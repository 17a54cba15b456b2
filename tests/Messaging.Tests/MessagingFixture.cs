using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.Messaging.Data;
using WebRtcChat.ServiceDefaults.ObjectStorage;

namespace WebRtcChat.Messaging.Tests;

/// <summary>The real stores, an Identity issuing tokens and one Messaging service trusting them, each on a fresh database.</summary>
public sealed class MessagingFixture : IAsyncLifetime
{
    /// <summary>Small, so the member limit is reachable in a test.</summary>
    public const int MaxGroupMembers = 4;

    /// <summary>Small, so a group of three already gets counts on its pages instead of reader lists.</summary>
    public const int ReadByDetailMaxMembers = 2;

    private static readonly TimeSpan DirectoryWait = TimeSpan.FromSeconds(20);

    private readonly TestInfrastructure infrastructure = new();
    private IdentityHost? identity;
    private ServiceFactory<MessagingApp>? messaging;

    public IdentityHost Identity => identity ?? throw new InvalidOperationException("The fixture has not started.");

    public ServiceFactory<MessagingApp> Messaging => messaging ?? throw new InvalidOperationException("The fixture has not started.");

    public string Database { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        identity = await IdentityHost.StartAsync(infrastructure);
        Database = await infrastructure.CreateDatabaseAsync("messaging");
        var settings = ServiceSettings.For(infrastructure, Database, "messagingdb");
        identity.Trust(settings);
        settings["Attachments:CleanupInterval"] = "00:00:01";
        settings["Messaging:MaxGroupMembers"] = MaxGroupMembers.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Messaging:ReadByDetailMaxMembers"] = ReadByDetailMaxMembers.ToString(System.Globalization.CultureInfo.InvariantCulture);
        messaging = new ServiceFactory<MessagingApp>(settings);
        using var client = messaging.CreateClient();
        using var health = await client.GetAsync("/alive");
        health.EnsureSuccessStatusCode();
    }

    /// <summary>Registers a user in Identity and waits until Messaging has learnt of them from the UserRegistered event.</summary>
    public async Task<ChatClient> RegisterAsync()
    {
        var user = await Identity.RegisterAsync();
        await WaitForAsync(db => db.Users.AnyAsync(u => u.Id == user.Id), $"Messaging never learnt of user {user.Name}");
        // Downloads answer with a redirect to the object store: the test follows it itself, outside the in-process server.
        return new ChatClient(Messaging.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), user);
    }

    /// <summary>Polls Messaging's database until <paramref name="condition"/> holds (events arrive asynchronously).</summary>
    public async Task WaitForAsync(Func<MessagingDbContext, Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow + DirectoryWait;
        while (true)
        {
            await using (var scope = Messaging.Services.CreateAsyncScope())
            {
                if (await condition(scope.ServiceProvider.GetRequiredService<MessagingDbContext>()))
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(100);
        }
    }

    /// <summary>Which of these keys have an object in the store.</summary>
    public async Task<List<string>> StoredAsync(IEnumerable<string> keys)
    {
        var store = Messaging.Services.GetRequiredService<ObjectStore>();
        var stored = new List<string>();
        foreach (var key in keys)
        {
            if (await store.ExistsAsync(key, CancellationToken.None))
            {
                stored.Add(key);
            }
        }

        return stored;
    }

    /// <summary>
    /// Uploads of a room still waiting to be claimed by a message or deleted. Every upload is reserved here before it is
    /// stored, so none left means no upload of the room was orphaned.
    /// </summary>
    public async Task<List<string>> PendingCleanupsAsync(Guid roomId)
    {
        await using var scope = Messaging.Services.CreateAsyncScope();
        var prefix = $"rooms/{roomId}/";
        return await scope.ServiceProvider.GetRequiredService<MessagingDbContext>().ObjectCleanups
            .Where(c => c.Key.StartsWith(prefix)).Select(c => c.Key).ToListAsync();
    }

    /// <summary>The object keys a message's files are stored under (from Messaging's database).</summary>
    public async Task<List<string>> MessageKeysAsync(Guid messageId)
    {
        await using var scope = Messaging.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        var message = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == messageId);
        return message.Attachments.SelectMany(a => a.ObjectKeys()).ToList();
    }

    /// <summary>Asserts that a refused upload left nothing: no message, no event, no reserved (so no stored) object.</summary>
    public async Task AssertNothingStoredAsync(ChatClient member, Guid roomId)
    {
        Assert.Empty(await member.AllMessagesAsync(roomId));
        Assert.Empty(await PendingCleanupsAsync(roomId));
        Assert.Equal(0, await OutboxEvents.CountAsync(Database, "MessageSent", "roomId", roomId));
    }

    public async Task DisposeAsync()
    {
        if (messaging is not null)
        {
            await messaging.DisposeAsync();
        }

        if (identity is not null)
        {
            await identity.DisposeAsync();
        }

        await infrastructure.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class MessagingCollection : ICollectionFixture<MessagingFixture>
{
    public const string Name = "messaging";
}
