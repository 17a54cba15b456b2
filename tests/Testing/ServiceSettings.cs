namespace WebRtcChat.Testing;

/// <summary>Builds the configuration a service would get from the AppHost, pointing at the test infrastructure.</summary>
public static class ServiceSettings
{
    /// <summary>Every store connection string, with <paramref name="database"/> under each given database name.</summary>
    public static Dictionary<string, string> For(TestInfrastructure infrastructure, string database, params string[] databaseNames)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ConnectionStrings:redis"] = infrastructure.RedisConnectionString,
            ["ConnectionStrings:eventbus"] = infrastructure.EventBusConnectionString,
            ["ConnectionStrings:objectstore"] = infrastructure.ObjectStoreConnectionString,
            ["ConnectionStrings:mail"] = infrastructure.MailConnectionString,

            // Resource services need a token authority to start; nothing is fetched from it until a bearer token arrives.
            // Tests that validate tokens point this at a running Identity.
            ["services:identity:http:0"] = "http://identity.invalid/",
        };
        if (infrastructure.TurnConnectionString.Length > 0)
        {
            settings["ConnectionStrings:turn"] = infrastructure.TurnConnectionString;
        }

        foreach (var name in databaseNames)
        {
            settings[$"ConnectionStrings:{name}"] = database;
        }

        return settings;
    }
}
