using System.Security.Cryptography;
using System.Text.Json;

namespace Aspire.Hosting;

/// <summary>Generated parameter values, kept in <c>{data}/parameters.json</c> (mode 0600).</summary>
internal static class ParameterStore
{
    private static readonly Lock Gate = new();

    public static string GetOrGenerate(string dataDirectory, string name)
    {
        lock (Gate)
        {
            var path = Path.Combine(dataDirectory, "parameters.json");
            var values = File.Exists(path)
                ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? []
                : [];
            if (values.TryGetValue(name, out var existing))
            {
                return existing;
            }

            var generated = Generate();
            values[name] = generated;
            Directory.CreateDirectory(dataDirectory);
            File.WriteAllText(path, JsonSerializer.Serialize(values, new JsonSerializerOptions { WriteIndented = true }));
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            return generated;
        }
    }

    // Letters and digits only: the value lands in connection strings and URIs unescaped.
    private static string Generate() =>
        RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 22);
}
