using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Orchestration;

/// <summary>The resources a resource must wait for: its WaitFor targets and its parent.</summary>
public static class StartOrder
{
    public static IReadOnlyList<IResource> DependenciesOf(IResource resource) =>
    [
        .. resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource),
        .. resource is IResourceWithParent child ? [child.Parent] : Array.Empty<IResource>(),
    ];

    /// <summary>Groups resources into layers: each layer depends only on earlier ones. Stopping walks the layers backwards.</summary>
    public static IReadOnlyList<IReadOnlyList<IResource>> Layers(IReadOnlyList<IResource> resources)
    {
        var depth = new Dictionary<IResource, int>();
        foreach (var resource in resources)
        {
            DepthOf(resource, depth, []);
        }

        return [.. resources.GroupBy(r => depth[r]).OrderBy(g => g.Key).Select(g => (IReadOnlyList<IResource>)[.. g])];
    }

    private static int DepthOf(IResource resource, Dictionary<IResource, int> depth, HashSet<IResource> visiting)
    {
        if (depth.TryGetValue(resource, out var known))
        {
            return known;
        }

        if (!visiting.Add(resource))
        {
            throw new DistributedApplicationException($"{resource.Name}: WaitFor forms a cycle through this resource.");
        }

        var dependencies = DependenciesOf(resource);
        var value = dependencies.Count == 0 ? 0 : dependencies.Max(d => DepthOf(d, depth, visiting)) + 1;
        visiting.Remove(resource);
        depth[resource] = value;
        return value;
    }
}
