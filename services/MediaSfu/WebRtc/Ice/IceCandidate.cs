using System.Globalization;
using System.Net;

namespace WebRtcChat.WebRtc.Ice;

/// <summary>
/// One candidate as SDP's a=candidate carries it (RFC 8839 §5.1): foundation, component, transport, priority, address
/// (an IP literal, or a hostname such as an mDNS .local name), port, type; anything after the type is kept verbatim.
/// </summary>
public sealed record IceCandidate(string Foundation, int Component, string Transport, uint Priority, string Address, int Port, string Type, string Extensions = "")
{
    public const string HostType = "host";

    /// <summary>The address as an endpoint when it is an IP literal; null for hostnames (mDNS names are not resolved).</summary>
    public IPEndPoint? EndPoint => IPAddress.TryParse(Address, out var ip) ? new IPEndPoint(ip, Port) : null;

    public bool IsUdp => Transport.Equals("udp", StringComparison.OrdinalIgnoreCase);

    /// <summary>RFC 8445 §5.1.2.1: type preference (host 126) · 2^24 + local preference · 2^8 + (256 − component).</summary>
    public static uint ComputePriority(int typePreference, int localPreference, int component) =>
        (uint)((typePreference << 24) + (localPreference << 8) + (256 - component));

    public static IceCandidate Host(IPEndPoint endPoint, int localPreference = 65535) => new(
        Foundation: endPoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "2" : "1",
        Component: 1,
        Transport: "udp",
        Priority: ComputePriority(126, localPreference, 1),
        Address: endPoint.Address.ToString(),
        Port: endPoint.Port,
        Type: HostType);

    /// <summary>Parses the attribute value (with or without the "candidate:" prefix); false for anything malformed.</summary>
    public static bool TryParse(string value, out IceCandidate? candidate)
    {
        candidate = null;
        var text = value.StartsWith("candidate:", StringComparison.Ordinal) ? value["candidate:".Length..] : value;
        var parts = text.Split(' ', 9, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 8 || parts[6] != "typ"
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var component) || component is < 1 or > 256
            || !uint.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var priority)
            || !int.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return false;
        }

        candidate = new IceCandidate(parts[0], component, parts[2], priority, parts[4], port, parts[7], parts.Length > 8 ? parts[8] : "");
        return true;
    }

    /// <summary>The attribute value, without the "candidate:" prefix.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Foundation} {Component} {Transport} {Priority} {Address} {Port} typ {Type}{(Extensions.Length > 0 ? " " + Extensions : "")}");
}
