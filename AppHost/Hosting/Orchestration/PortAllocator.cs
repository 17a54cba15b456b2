using System.Net;
using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Orchestration;

/// <summary>
/// Gives every endpoint its port: fixed ones are checked to be free, the rest get a free one.
/// A free port is reserved until the process ends: a resource that has not started yet does not
/// hold its port, so without the record a later caller (RabbitMQ's epmd, say) could be given it too.
/// </summary>
public static class PortAllocator
{
    private static readonly HashSet<int> HandedOut = [];
    private static readonly Lock Gate = new();

    public static void Allocate(IEnumerable<IResource> resources)
    {
        var endpoints = resources
            .SelectMany(resource => resource.Annotations.OfType<EndpointAnnotation>().Select(endpoint => (resource, endpoint)))
            .ToList();
        var fixedPorts = new HashSet<int>();
        foreach (var (resource, endpoint) in endpoints.Where(pair => pair.endpoint.Port is > 0))
        {
            var port = endpoint.Port!.Value;
            if (!IsFree(port) || !fixedPorts.Add(port))
            {
                throw new DistributedApplicationException(
                    $"{resource.Name}: port {port} ({endpoint.Name}) is already in use; stop the process using it (ss -ltnp 'sport = :{port}') or choose another port in configuration.");
            }

            endpoint.AllocatedPort = port;
        }

        // Fixed ports are reserved before any free port is drawn, so a draw cannot land on one.
        lock (Gate)
        {
            HandedOut.UnionWith(fixedPorts);
        }

        foreach (var (_, endpoint) in endpoints.Where(pair => pair.endpoint.Port is not > 0))
        {
            endpoint.AllocatedPort = FreePort();
        }
    }

    /// <summary>A port nothing listens on and that this process has not handed out before.</summary>
    public static int FreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            lock (Gate)
            {
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }

    public static bool IsFree(int port)
    {
        foreach (var address in new[] { IPAddress.Loopback, IPAddress.Any })
        {
            try
            {
                using var listener = new TcpListener(address, port);
                listener.Start();
                listener.Stop();
            }
            catch (SocketException)
            {
                return false;
            }
        }

        return true;
    }
}
