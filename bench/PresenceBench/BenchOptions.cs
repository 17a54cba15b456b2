using System.Globalization;

namespace WebRtcChat.Bench.Presence;

internal sealed record BenchOptions(
    int[] ConnectionSteps, int HoldUsers, TimeSpan Hold, int FootprintConnections,
    int Users, int RoomSize, int[] Rates, TimeSpan SendDuration, string OutputPath)
{
    public static BenchOptions Parse(string[] args)
    {
        var parsed = BenchArgs.Parse(args,
            "--steps", "--hold-users", "--hold-seconds", "--footprint-connections", "--users", "--room-size", "--rates", "--seconds", "--output");
        return new BenchOptions(
            Numbers(parsed.Text("--steps", "2500,5000,10000")),
            parsed.Int("--hold-users", 10),
            TimeSpan.FromSeconds(parsed.Int("--hold-seconds", 30)),
            parsed.Int("--footprint-connections", 1000),
            parsed.Int("--users", 1000),
            parsed.Int("--room-size", 10),
            Numbers(parsed.Text("--rates", "500,50")),
            TimeSpan.FromSeconds(parsed.Int("--seconds", 30)),
            parsed.Text("--output", "bench/results/presence.md"));
    }

    public int Rooms => Users / RoomSize;

    private static int[] Numbers(string list) => [.. list.Split(',').Select(number => int.Parse(number, CultureInfo.InvariantCulture))];

    public string CommandLine => string.Create(CultureInfo.InvariantCulture,
        $"dotnet run --project bench/PresenceBench -c Release -- --steps {string.Join(',', ConnectionSteps)} --hold-users {HoldUsers} --hold-seconds {Hold.TotalSeconds:0} --footprint-connections {FootprintConnections} --users {Users} --room-size {RoomSize} --rates {string.Join(',', Rates)} --seconds {SendDuration.TotalSeconds:0} --output {OutputPath}");
}
