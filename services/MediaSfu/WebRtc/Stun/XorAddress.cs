using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace WebRtcChat.WebRtc.Stun;

/// <summary>XOR-MAPPED-ADDRESS value coding (RFC 8489 §14.2): port xor the cookie's top half, address xor cookie + id.</summary>
internal static class XorAddress
{
    private const byte FamilyV4 = 0x01;
    private const byte FamilyV6 = 0x02;

    public static int ValueLength(AddressFamily family) => family == AddressFamily.InterNetworkV6 ? 20 : 8;

    public static void Write(Span<byte> value, IPEndPoint endPoint, ReadOnlySpan<byte> header)
    {
        var v6 = endPoint.AddressFamily == AddressFamily.InterNetworkV6;
        value[0] = 0;
        value[1] = v6 ? FamilyV6 : FamilyV4;
        BinaryPrimitives.WriteUInt16BigEndian(value[2..], (ushort)(endPoint.Port ^ (StunMessage.MagicCookie >> 16)));
        var address = value[4..];
        endPoint.Address.TryWriteBytes(address, out _);
        XorWithCookieAndTransaction(address[..(v6 ? 16 : 4)], header);
    }

    public static bool TryRead(ReadOnlySpan<byte> value, ReadOnlySpan<byte> header, out IPEndPoint? endPoint)
    {
        endPoint = null;
        var length = value.Length >= 2 ? value[1] switch { FamilyV4 => 4, FamilyV6 => 16, _ => 0 } : 0;
        if (length == 0 || value.Length != 4 + length)
        {
            return false;
        }

        var port = BinaryPrimitives.ReadUInt16BigEndian(value[2..]) ^ (int)(StunMessage.MagicCookie >> 16);
        Span<byte> address = stackalloc byte[length];
        value.Slice(4, length).CopyTo(address);
        XorWithCookieAndTransaction(address, header);
        endPoint = new IPEndPoint(new IPAddress(address), port);
        return true;
    }

    /// <summary>The cookie and transaction id are the header's bytes 4..20, so xor with the header from there.</summary>
    private static void XorWithCookieAndTransaction(Span<byte> address, ReadOnlySpan<byte> header)
    {
        for (var i = 0; i < address.Length; i++)
        {
            address[i] ^= header[4 + i];
        }
    }
}
