using System.Globalization;

namespace WebRtcChat.WebRtc.Sdp;

/// <summary>
/// Parses SDP (RFC 8866) as browsers write it for WebRTC. Garbage, truncated or malformed input is refused with a reason
/// naming the line; nothing throws out of <see cref="TryParse"/>.
/// </summary>
public static class SdpParser
{
    /// <summary>Far more than any offer with dozens of tracks; a bound on what a request body can make us parse.</summary>
    public const int MaxLength = 256 * 1024;

    public static bool TryParse(string? text, out SessionDescription? description, out string? error)
    {
        description = null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            error = text is null or "" ? "The SDP is empty." : $"The SDP is longer than {MaxLength} characters.";
            return false;
        }

        try
        {
            description = Parse(text);
            error = null;
            return true;
        }
        catch (SdpFormatException e)
        {
            error = e.Message;
            return false;
        }
    }

    private static SessionDescription Parse(string text)
    {
        var lines = text.Split('\n');
        var header = new SessionHeader();
        SessionDescription? session = null;
        MediaDescription? media = null;
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line.Length < 2 || line[1] != '=' || !char.IsAsciiLetterLower(line[0]))
            {
                throw new SdpFormatException(number, "is not of the form <type>=<value>");
            }

            var value = line[2..];
            if (number == 1 && line != "v=0")
            {
                throw new SdpFormatException(number, "must be v=0");
            }

            if (session is null)
            {
                if (line[0] is 'v' or 'o' or 's' or 't')
                {
                    header.Read(line[0], value, number);
                    continue;
                }

                session = header.ToSession(number);
            }

            if (line[0] == 'm')
            {
                media = ParseMediaLine(value, number);
                session.Media.Add(media);
            }
            else if (media is null)
            {
                ReadSessionLine(session, line[0], value, number);
            }
            else
            {
                ReadMediaLine(media, line[0], value, number);
            }
        }

        return session ?? header.ToSession(lines.Length);
    }

    private static void ReadSessionLine(SessionDescription session, char type, string value, int number)
    {
        switch (type)
        {
            case 'c':
                session.Connection = value;
                break;
            case 'a':
                SdpSessionAttributes.Read(session, value, number);
                break;
            default:
                // b=, i=, u=, e=, p=, z=, k=, r= at session level: WebRTC does not use them.
                break;
        }
    }

    private static void ReadMediaLine(MediaDescription media, char type, string value, int number)
    {
        switch (type)
        {
            case 'c':
                media.Connection = value;
                break;
            case 'b':
                media.Bandwidths.Add(value);
                break;
            case 'a':
                SdpMediaAttributes.Read(media, value, number);
                break;
            default:
                break;
        }
    }

    /// <summary>m=&lt;media&gt; &lt;port&gt;[/&lt;count&gt;] &lt;proto&gt; &lt;fmt&gt; ...</summary>
    private static MediaDescription ParseMediaLine(string value, int number)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var port = parts.Length >= 4 ? parts[1].Split('/')[0] : "";
        if (parts.Length < 4 || !int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var portNumber) || portNumber > 65535)
        {
            throw new SdpFormatException(number, "is not an m= line of media, port, protocol and formats");
        }

        var media = new MediaDescription { Kind = parts[0], Port = portNumber, Protocol = parts[2] };
        media.Formats.AddRange(parts[3..]);
        return media;
    }

    /// <summary>o=, s= and t= before the first media section; all three are required.</summary>
    private sealed class SessionHeader
    {
        private SdpOrigin? origin;
        private string? name;
        private string? timing;

        public void Read(char type, string value, int number)
        {
            switch (type)
            {
                case 'o':
                    var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    origin = parts.Length == 6
                        ? new SdpOrigin(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5])
                        : throw new SdpFormatException(number, "is not an o= line of six fields");
                    break;
                case 's':
                    name = value;
                    break;
                case 't':
                    timing = value;
                    break;
                default:
                    break;
            }
        }

        public SessionDescription ToSession(int number)
        {
            if (origin is null || name is null || timing is null)
            {
                throw new SdpFormatException(number, "comes before the session's o=, s= and t= lines are complete");
            }

            return new SessionDescription { Origin = origin!, SessionName = name!, Timing = timing! };
        }
    }
}
