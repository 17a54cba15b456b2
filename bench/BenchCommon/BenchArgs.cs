using System.Globalization;

namespace WebRtcChat.Bench;

/// <summary>A runner's <c>--name value</c> options: only the known names, each read with its default.</summary>
public sealed class BenchArgs
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    private BenchArgs()
    {
    }

    /// <summary>Reads <paramref name="args"/>; an option not in <paramref name="known"/> is an error that lists them.</summary>
    public static BenchArgs Parse(string[] args, params string[] known)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parsed = new BenchArgs();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!known.Contains(args[i]) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"unknown option or missing value: {args[i]}; use {string.Join(", ", known.Select(k => k + " VALUE"))}");
            }

            parsed.values[args[i]] = args[i + 1];
        }

        return parsed;
    }

    public int Int(string name, int fallback) =>
        values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);
}
