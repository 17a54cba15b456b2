using Microsoft.EntityFrameworkCore;
using WebRtcChat.ServiceDefaults.EventBus;
using WebRtcChat.ServiceDefaults.Tests.Support;
using WebRtcChat.Testing;

namespace WebRtcChat.ServiceDefaults.Tests;

[Collection(InfrastructureCollection.Name)]
public sealed class OutboxTests(TestInfrastructure infra)
{
    [Fact]
    public async Task An_event_committed_with_state_reaches_another_service_and_a_rolled_back_one_never_does()
    {
        await using var pair = await EventBusPair.StartAsync(infra, "consumer-commit");

        var rolledBack = await pair.Producer.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var note = new Note { Id = Guid.CreateVersion7(), Sequence = 1 };
            db.Notes.Add(note);
            db.AddIntegrationEvent(new NoteAdded(note.Id, 1));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return note.Id;
        });
        var committed = await pair.AddNoteAsync(2);

        await pair.WaitForReceivedAsync(1, seconds: 15);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal([committed], await pair.ReceivedAsync());
        Assert.Equal(0, await pair.Producer.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.DispatchedAt == null)));
        Assert.False(await pair.Producer.WithDbAsync(db => db.Notes.AnyAsync(n => n.Id == rolledBack)));
    }

    [Fact]
    public async Task Events_committed_while_the_broker_is_down_all_arrive_exactly_once_when_it_returns()
    {
        const int count = 500;
        await using var pair = await EventBusPair.StartAsync(infra, "consumer-outage");

        var stopped = DateTimeOffset.UtcNow;
        await infra.StopAsync("eventbus");
        try
        {
            for (var i = 0; i < count; i++)
            {
                await pair.AddNoteAsync(i);
            }

            var outage = TimeSpan.FromSeconds(20) - (DateTimeOffset.UtcNow - stopped);
            if (outage > TimeSpan.Zero)
            {
                await Task.Delay(outage);
            }

            Assert.Empty(await pair.ReceivedAsync());
            Assert.Equal(count, await pair.Producer.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.DispatchedAt == null)));
        }
        finally
        {
            await infra.StartAsync("eventbus");
        }

        await pair.WaitForReceivedAsync(count, seconds: 90);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var received = await pair.ReceivedAsync();
        Assert.Equal(count, received.Count);
        Assert.Equal(count, received.Distinct().Count());
        Assert.Equal(0, await pair.Producer.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.DispatchedAt == null)));
    }
}
