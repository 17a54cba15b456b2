using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.Messaging.Data;

namespace WebRtcChat.Messaging.Tests;

/// <summary>The real stores, an Identity issuing tokens and one Messaging service trusting them, each on a fresh database.</summary>
public sealed class MessagingFixture : IAsyncLifetime
{
    /// <summary>Small, so the member limit is reachable in a test.</summary>
    public const int MaxGroupMembers = 4;

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
        settings["Messaging:MaxGroupMembers"] = MaxGroupMembers.ToString(System.Globalization.CultureInfo.InvariantCulture);
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
        return new ChatClient(Messaging.CreateClient(), user);
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
