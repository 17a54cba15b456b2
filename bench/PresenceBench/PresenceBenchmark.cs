using WebRtcChat.Testing;

namespace WebRtcChat.Bench.Presence;

/// <summary>Starts the stack, registers the users and rooms, runs the client footprint, the connection ramp and the delivery variants, renders the report.</summary>
internal static class PresenceBenchmark
{
    public static async Task<string> RunAsync(BenchOptions options)
    {
        var loadBefore = MachineInfo.LoadAverage();
        await using var stack = await BenchServices.StartAsync<PresenceStack>();
        using var identity = ChatCalls.Client(stack.IdentityUrl);
        using var messaging = ChatCalls.Client(stack.MessagingUrl);
        TestUser[] users;
        ChatRooms rooms;
        List<ClientCost> footprint;
        ConnectionRun connections;

        // Started before the users and rooms exist, so Presence's queues are bound when Messaging announces the rooms.
        await using (var presence = await stack.StartPresenceAsync(backplane: true))
        {
            users = await ChatUsers.RegisterAsync(identity, stack.MessagingDatabase, options.Users);
            rooms = await ChatRooms.CreateAsync(messaging, users, options.RoomSize);
            Console.Error.WriteLine($"{users.Length} users registered, {rooms.Ids.Length} rooms created");
            var holders = users[..options.HoldUsers];
            footprint = await ClientFootprint.MeasureAsync(presence.Url, holders, options.FootprintConnections);
            connections = await ConnectionBenchmark.RunAsync(options, presence, holders);
        }

        var deliveries = new List<DeliveryResult>();
        foreach (var rate in options.Rates)
        {
            foreach (var variant in DeliveryBenchmark.Variants)
            {
                deliveries.Add(await DeliveryBenchmark.RunAsync(options, rate, stack, rooms, variant));
            }
        }

        return Report.Render(options, loadBefore, users.Length, footprint, connections, deliveries);
    }
}
