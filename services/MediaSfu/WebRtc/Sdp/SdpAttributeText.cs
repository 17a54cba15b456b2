using System.Globalization;

namespace WebRtcChat.WebRtc.Sdp;

/// <summary>Splitting helpers shared by the session and media attribute readers.</summary>
internal static class SdpAttributeText
{
    public static (string Name, string? Value) Split(string attribute)
    {
        var colon = attribute.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (attribute, null) : (attribute[..colon], attribute[(colon + 1)..]);
    }

    /// <summary>"first rest": the value split at its first space; both parts required.</summary>
    public static (string First, string Tail) Pair(string? value, int number, string name)
    {
        var space = value?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        if (space <= 0 || space == value!.Length - 1)
        {
            throw new SdpFormatException(number, $"has a malformed a={name}");
        }

        return (value[..space], value[(space + 1)..]);
    }

    public static string Required(string? value, int number, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new SdpFormatException(number, $"has an empty a={name}") : value;

    public static int Number(string text, int number, string name, int max = int.MaxValue) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var result) && result <= max
            ? result
            : throw new SdpFormatException(number, $"has a malformed number in a={name}");

    public static uint Ssrc(string text, int number, string name) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw new SdpFormatException(number, $"has a malformed SSRC in a={name}");

    public static SdpFingerprint Fingerprint(string? value, int number)
    {
        var (algorithm, hex) = Pair(value, number, "fingerprint");
        return new SdpFingerprint(algorithm, hex);
    }

    /// <summary>The direction a flag like a=sendonly names; any other attribute is kept in <paramref name="others"/>.</summary>
    public static MediaDirection? DirectionOrOther(string name, string? value, List<SdpAttribute> others)
    {
        var direction = value is null ? MediaDirections.Parse(name) : null;
        if (direction is null)
        {
            others.Add(new SdpAttribute(name, value));
        }

        return direction;
    }
}
