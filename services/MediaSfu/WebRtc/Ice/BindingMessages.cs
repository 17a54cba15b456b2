using System.Net;
using WebRtcChat.WebRtc.Stun;

namespace WebRtcChat.WebRtc.Ice;

/// <summary>The Binding messages of ICE connectivity and consent checks (RFC 8445 §7.1–7.3, RFC 7675), written into a buffer.</summary>
internal static class BindingMessages
{
    public const int MaxLength = 512;

    /// <summary>A check from the controlling agent; USERNAME is "remote ufrag:local ufrag", keyed with the remote password.</summary>
    public static int WriteRequest(Span<byte> buffer, ReadOnlySpan<byte> transactionId, IceCredentials local, IceCredentials remote, uint priority, ulong tieBreaker, bool nominate)
    {
        var writer = new StunWriter(buffer, StunMessageType.BindingRequest, transactionId);
        writer.AddUsername(remote.Ufrag + ":" + local.Ufrag);
        writer.AddPriority(priority);
        writer.AddIceControlling(tieBreaker);
        if (nominate)
        {
            writer.AddUseCandidate();
        }

        writer.AddMessageIntegrity(remote.Key);
        writer.AddFingerprint();
        return writer.Length;
    }

    /// <summary>The success response: where the request came from, keyed with the answering agent's password.</summary>
    public static int WriteSuccess(Span<byte> buffer, ReadOnlySpan<byte> transactionId, IPEndPoint mapped, IceCredentials local)
    {
        var writer = new StunWriter(buffer, StunMessageType.BindingSuccess, transactionId);
        writer.AddXorMappedAddress(mapped);
        writer.AddMessageIntegrity(local.Key);
        writer.AddFingerprint();
        return writer.Length;
    }

    /// <summary>An error response; unauthenticated, since the request's credentials were what failed (RFC 8489 §9.1.3).</summary>
    public static int WriteError(Span<byte> buffer, ReadOnlySpan<byte> transactionId, int code)
    {
        var writer = new StunWriter(buffer, StunMessageType.BindingError, transactionId);
        writer.AddErrorCode(code);
        writer.AddFingerprint();
        return writer.Length;
    }

    /// <summary>Classifies a request to an agent whose credentials are <paramref name="local"/>: 0 when valid, else the error code.</summary>
    public static int Validate(in StunMessage request, IceCredentials local)
    {
        if (request.Username.IsEmpty || !request.HasMessageIntegrity || !request.HasFingerprint)
        {
            return StunErrorCode.BadRequest;
        }

        return request.VerifyIntegrity(local.Key) ? 0 : StunErrorCode.Unauthorized;
    }
}
