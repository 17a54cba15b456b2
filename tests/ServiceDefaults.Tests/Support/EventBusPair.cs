using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using WebRtcChat.Testing;

namespace WebRtcChat.ServiceDefaults.Tests.Support;

/// <summary>A producer with an outbox and a consumer (another service, its own queue and database) on the real broker.</summary>
public sealed class EventBusPair : IAsyncDisposable
{
    private EventBusPair(TestHost producer, TestHost consumer)
    {
        Producer = producer;
        Consumer = consumer;
    }

    public TestHost Producer { get; }

    public TestHost Consumer { get; }

    public static async Task<EventBusPair> StartAsync(TestInfrastructure infra, string consumerName)
    {
        var producer = await TestHost.StartAsync("producer", new Dictionary<string, string?>
        {
            ["producerdb"] = await infra.CreateDatabaseAsync("producer"),
            ["eventbus"] = infra.EventBusConnectionString,
        }, builder =>
        {
            builder.AddNpgsqlDbContext<TestDbContext>("producerdb");
            builder.AddOutbox<TestDbContext>();
            builder.AddEventBus("eventbus");
        });

        var consumer = await TestHost.StartAsync(consumerName, new Dictionary<string, string?>
        {
            ["consumerdb"] = await infra.CreateDatabaseAsync("consumer"),
            ["eventbus"] = infra.EventBusConnectionString,
        }, builder =>
        {
            builder.AddNpgsqlDbContext<TestDbContext>("consumerdb");
            builder.AddEventBus("eventbus", bus => bus.AddConsumer<NoteAddedConsumer>());
        });
        await consumer.WaitForHealthAsync();
        return new EventBusPair(producer, consumer);
    }

    /// <summary>Saves a note and its <see cref="NoteAdded"/> event in one transaction.</summary>
    public Task<Guid> AddNoteAsync(int sequence) => Producer.WithDbAsync(async db =>
    {
        var note = new Note { Id = Guid.CreateVersion7(), Sequence = sequence };
        db.Notes.Add(note);
        db.AddIntegrationEvent(new NoteAdded(note.Id, sequence));
        await db.SaveChangesAsync();
        return note.Id;
    });

    public Task<List<Guid>> ReceivedAsync() =>
        Consumer.WithDbAsync(db => db.ReceivedNotes.Select(r => r.NoteId).ToListAsync());

    public Task WaitForReceivedAsync(int count, int seconds) =>
        Eventually.TrueAsync(async () => (await ReceivedAsync()).Count >= count, TimeSpan.FromSeconds(seconds), $"the consumer never received {count} events");

    public async ValueTask DisposeAsync()
    {
        await Consumer.DisposeAsync();
        await Producer.DisposeAsync();
    }
}
