using Org.BouncyCastle.Tls;
using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.WebRtc.Dtls;

/// <summary>The use_srtp extension (RFC 5764 §4.1): what a client offers, what a server picks, what a client accepts.</summary>
internal static class SrtpProfileNegotiation
{
    /// <summary>The client's offer: our profiles in preference order, no MKI.</summary>
    public static UseSrtpData Offer(IReadOnlyList<SrtpProfile> preferred) =>
        new([.. preferred.Select(profile => (int)profile)], []);

    /// <summary>The server's pick: the first of our preferences the client offered (so GCM wins when both have it).</summary>
    public static SrtpProfile? Select(IReadOnlyList<SrtpProfile> preferred, UseSrtpData? clientOffer)
    {
        if (clientOffer is null)
        {
            return null;
        }

        foreach (var profile in preferred)
        {
            if (Array.IndexOf(clientOffer.ProtectionProfiles, (int)profile) >= 0)
            {
                return profile;
            }
        }

        return null;
    }

    /// <summary>The client's check of the server's answer: exactly one profile, and one we offered.</summary>
    public static SrtpProfile? Accept(IReadOnlyList<SrtpProfile> offered, UseSrtpData? serverAnswer)
    {
        if (serverAnswer is not { ProtectionProfiles.Length: 1 })
        {
            return null;
        }

        var chosen = (SrtpProfile)serverAnswer.ProtectionProfiles[0];
        return offered.Contains(chosen) ? chosen : null;
    }

    public static UseSrtpData Answer(SrtpProfile selected) => new([(int)selected], []);
}
