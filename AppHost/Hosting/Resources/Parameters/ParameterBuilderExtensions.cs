using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

public static class ParameterBuilderExtensions
{
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name, bool secret = false)
    {
        var parameter = new ParameterResource(name, secret, () =>
            builder.Configuration[$"Parameters:{name}"]
            ?? throw new DistributedApplicationException($"{name}: parameter has no value; set Parameters:{name} in configuration or the environment (Parameters__{name})."));
        return builder.AddResource(parameter);
    }

    /// <summary>A secret that is generated when configuration does not supply one (Aspire's generated passwords).</summary>
    internal static ParameterResource CreateGeneratedPassword(this IDistributedApplicationBuilder builder, string name)
    {
        var dataDirectory = builder.DataDirectory;
        return new ParameterResource(name, secret: true, () =>
            builder.Configuration[$"Parameters:{name}"] ?? ParameterStore.GetOrGenerate(dataDirectory, name))
        {
            IsGenerated = true,
        };
    }
}
