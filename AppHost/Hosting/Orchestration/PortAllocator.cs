using System.Net;
using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Orchestration;

/// <summary>Gives every endpoint its port: fixed ones are checked to be free, the rest get a free one.</summary>
public static class PortAllocator
{
    public static void Allocate(IEnumerable<IResource> resources)
    {
        var taken = new HashSet<int>();
        foreach (var resource in resources)
        {
            foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
            {
                if (endpoint.Port is { } fixedPort and > 0)
                {
                    if (!IsFree(fixedPort) || !taken.Add(fixedPort))
                    {
                        throw new DistributedApplicationException(
                            $"{resource.Name}: port {fixedPort} ({endpoint.Name}) is already in use; stop the process using it (ss -ltnp 'sport = :{fixedPort}') or choose another port in configuration.");
                    }

                    endpoint.AllocatedPort = fixedPort;
                }
                else
                {
                    endpoint.AllocatedPort = FreePort(taken);
                }
            }
        }
    }

    public static int FreePort(ISet<int>? exclude = null)
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            if (exclude is null || exclude.Add(port))
            {
                return port;
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
