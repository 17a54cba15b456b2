using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting;

/// <summary>Health of a STUN/TURN server: it answers a STUN binding request (RFC 8489) over UDP with a success response.</summary>
internal static class StunProbe
{
    private const ushort BindingRequest = 0x0001;
    private const ushort BindingSuccess = 0x0101;
    private const uint MagicCookie = 0x2112A442;

    public static async Task<HealthCheckResult> BindAsync(string host, int port, CancellationToken cancellationToken)
    {
        var request = new byte[20];
        BinaryPrimitives.WriteUInt16BigEndian(request, BindingRequest);
        BinaryPrimitives.WriteUInt32BigEndian(request.AsSpan(4), MagicCookie);
        RandomNumberGenerator.Fill(request.AsSpan(8, 12));
        using var client = new UdpClient(AddressFamily.InterNetwork);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        await client.SendAsync(request, new IPEndPoint(IPAddress.Parse(host), port), timeout.Token);
        var response = await client.ReceiveAsync(timeout.Token);
        var answered = response.Buffer.Length >= 20
            && BinaryPrimitives.ReadUInt16BigEndian(response.Buffer) == BindingSuccess
            && response.Buffer.AsSpan(8, 12).SequenceEqual(request.AsSpan(8, 12));
        return answered ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The answer was not a STUN binding success for our request.");
    }
}
