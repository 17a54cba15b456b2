using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>
/// A value supplied at deployment (a password). Locally it comes from configuration
/// <c>Parameters:{name}</c>, else it is generated once and kept in the data folder so
/// existing databases keep working across runs.
/// </summary>
public sealed class ParameterResource(string name, bool secret, Func<string> resolve) : Resource(name), IValueProvider, IManifestExpressionProvider
{
    private readonly Lazy<string> value = new(resolve, LazyThreadSafetyMode.ExecutionAndPublication);

    public bool Secret { get; } = secret;

    /// <summary>Generated when not supplied, in the manifest too (a password).</summary>
    public bool IsGenerated { get; init; }

    /// <summary>The value the manifest offers as the default input, when there is one.</summary>
    public string? ManifestDefault { get; init; }

    public string Value => value.Value;

    public string ValueExpression => $"{{{Name}.value}}";

    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(Value);
}
