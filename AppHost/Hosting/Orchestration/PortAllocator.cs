using System.Net;
using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Orchestration;

/// <summary>
/// Gives every endpoint its port: fixed ones are checked to be free, the rest get a free one.
/// A free port is reserved until the process ends: a resource that has not started yet does not
/// hold its port, so without the record a later caller (RabbitMQ's epmd, say) could be given it too,
/// and without a machine-wide claim (<see cref="PortClaims"/>) another AppHost or test run could.
/// </summary>
public static class PortAllocator
{
    private const int LowestDrawn = 20_000;
    private const int MinimumDrawRange = 1_000;
    private const int MaxDrawAttempts = 1_000;
    private const int IanaDynamicPortsStart = 49_152;

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

    /// <summary>
    /// A port nothing listens on and that this process has not handed out before, drawn below the kernel's ephemeral
    /// range when there is room: the kernel gives ports from that range to every outgoing connection and every bind to
    /// port 0 on the machine, so a port drawn there could be taken in the second a crashed resource waits to restart,
    /// and the restart would fail on it again and again (seen with the test suites running beside an AppHost).
    /// </summary>
    public static int FreePort()
    {
        var (low, high) = DrawRange(EphemeralRangeStart());
        for (var attempt = 0; attempt < MaxDrawAttempts && high > low; attempt++)
        {
            var port = Random.Shared.Next(low, high);
            if (!IsHandedOut(port) && IsFree(port) && TryHandOut(port))
            {
                return port;
            }
        }

        return KernelChosenPort();
    }

    /// <summary>Where ports are drawn, [low, high): from <see cref="LowestDrawn"/> up to the ephemeral range; empty when it starts too low to leave room.</summary>
    public static (int Low, int High) DrawRange(int ephemeralStart) =>
        ephemeralStart - LowestDrawn >= MinimumDrawRange ? (LowestDrawn, ephemeralStart) : (0, 0);

    /// <summary>The first port of the kernel's ephemeral range (Linux's net.ipv4.ip_local_port_range; the IANA dynamic range elsewhere).</summary>
    public static int EphemeralRangeStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return IanaDynamicPortsStart;
        }
    }

    private static bool IsHandedOut(int port)
    {
        lock (Gate)
        {
            return HandedOut.Contains(port);
        }
    }

    private static bool TryHandOut(int port)
    {
        lock (Gate)
        {
            return !HandedOut.Contains(port) && PortClaims.TryClaim(port) && HandedOut.Add(port);
        }
    }

    /// <summary>The fallback when no port could be drawn: one the kernel picks from its ephemeral range.</summary>
    private static int KernelChosenPort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            if (TryHandOut(port))
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
