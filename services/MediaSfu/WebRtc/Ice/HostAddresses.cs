using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace WebRtcChat.WebRtc.Ice;

/// <summary>The local addresses host candidates are gathered on: IPv4 loopback, and optionally every interface's unicast address.</summary>
internal static class HostAddresses
{
    public static IReadOnlyList<IPAddress> Gather(bool includeNonLoopback)
    {
        List<IPAddress> addresses = [IPAddress.Loopback];
        if (!includeNonLoopback)
        {
            return addresses;
        }

        foreach (var network in NetworkInterface.GetAllNetworkInterfaces())
        {
            if (network.OperationalStatus != OperationalStatus.Up || network.NetworkInterfaceType == NetworkInterfaceType.Loopback)
            {
                continue;
            }

            addresses.AddRange(network.GetIPProperties().UnicastAddresses
                .Select(unicast => unicast.Address)
                .Where(address => address.AddressFamily == AddressFamily.InterNetwork
                    || (address.AddressFamily == AddressFamily.InterNetworkV6 && !address.IsIPv6LinkLocal)));
        }

        return addresses;
    }
}
