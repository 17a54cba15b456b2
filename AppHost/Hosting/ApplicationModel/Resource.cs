namespace Aspire.Hosting.ApplicationModel;

/// <summary>Anything the AppHost declares: a server process, a database inside it, a project, a parameter.</summary>
public interface IResource
{
    string Name { get; }

    ResourceAnnotationCollection Annotations { get; }
}

public abstract class Resource(string name) : IResource
{
    public string Name { get; } = ResourceName.Validate(name);

    public ResourceAnnotationCollection Annotations { get; } = [];

    public override string ToString() => Name;
}

/// <summary>A resource that lives inside another one (a database inside its server).</summary>
public interface IResourceWithParent : IResource
{
    IResource Parent { get; }
}

/// <summary>
/// A resource others connect to. As a hole in another expression it stands for its whole connection
/// string (<c>{name.connectionString}</c> in the manifest), as in Aspire.
/// </summary>
public interface IResourceWithConnectionString : IResource, IValueProvider, IManifestExpressionProvider
{
    /// <summary>The connection string as an expression: resolvable at run time and writable into the manifest.</summary>
    ReferenceExpression ConnectionStringExpression { get; }

    /// <summary>The name under which dependants find it: <c>ConnectionStrings__{name}</c>.</summary>
    string ConnectionStringEnvironmentVariable => $"ConnectionStrings__{Name}";

    string IManifestExpressionProvider.ValueExpression => $"{{{Name}.connectionString}}";

    ValueTask<string?> IValueProvider.GetValueAsync(CancellationToken cancellationToken) =>
        ConnectionStringExpression.GetValueAsync(cancellationToken);
}

public static class ResourceWithConnectionStringExtensions
{
    public static ValueTask<string?> GetConnectionStringAsync(this IResourceWithConnectionString resource, CancellationToken cancellationToken = default) =>
        resource.ConnectionStringExpression.GetValueAsync(cancellationToken);
}

public interface IResourceWithEndpoints : IResource;

public interface IResourceWithEnvironment : IResource;

public interface IResourceWithWaitSupport : IResource;

public interface IResourceAnnotation;

public sealed class ResourceAnnotationCollection : List<IResourceAnnotation>;

internal static class ResourceName
{
    public static string Validate(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || !char.IsAsciiLetter(name[0]))
        {
            throw new ArgumentException($"Resource name '{name}' must start with a letter and contain only ASCII letters, digits and '-'.", nameof(name));
        }

        return name;
    }
}
