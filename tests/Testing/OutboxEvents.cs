using System.Text.Json;
using Npgsql;

namespace WebRtcChat.Testing;

/// <summary>Reads what a service left in its transactional outbox: the events it committed with its state changes.</summary>
public static class OutboxEvents
{
    /// <summary>How many <paramref name="eventName"/> events whose JSON <paramref name="property"/> equals <paramref name="value"/>.</summary>
    public static async Task<int> CountAsync(string database, string eventName, string property, object value) =>
        (await BodiesAsync(database, eventName, property, value)).Count;

    /// <summary>The JSON bodies of the <paramref name="eventName"/> events whose <paramref name="property"/> equals <paramref name="value"/>, oldest first.</summary>
    public static async Task<List<JsonElement>> BodiesAsync(string database, string eventName, string property, object value)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT body::text FROM outbox_messages WHERE type LIKE @type AND body->>@property = @value ORDER BY id", connection);
        query.Parameters.AddWithValue("type", $"%.{eventName},%");
        query.Parameters.AddWithValue("property", property);
        query.Parameters.AddWithValue("value", value.ToString()!);
        var bodies = new List<JsonElement>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            bodies.Add(JsonDocument.Parse(reader.GetString(0)).RootElement.Clone());
        }

        return bodies;
    }
}
