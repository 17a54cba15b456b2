namespace WebRtcChat.Bench.SfuLoad.Media;

/// <summary>
/// Reads the Opus packets of an Ogg file (RFC 7845): pages ("OggS", 27-byte header, segment table), packets joined
/// from their 255-byte lacing segments; the first two packets (OpusHead, OpusTags) are headers. Each packet's
/// duration comes from its TOC byte (RFC 6716 §3.1), so the timestamps hold at 48 kHz whatever the frame size.
/// </summary>
public static class OggOpusReader
{
    private const int OpusClockRate = 48_000;

    public static MediaClip Read(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var packets = Packets(file).ToList();
        if (packets.Count < 3 || !packets[0].AsSpan().StartsWith("OpusHead"u8))
        {
            throw new InvalidDataException("Not an Ogg Opus file with audio packets.");
        }

        var frames = new List<MediaFrame>();
        uint timestamp = 0;
        foreach (var packet in packets.Skip(2).Where(p => p.Length > 0))
        {
            frames.Add(new MediaFrame(timestamp, packet));
            timestamp += (uint)Samples(packet);
        }

        return new MediaClip(frames, OpusClockRate, timestamp);
    }

    private static IEnumerable<byte[]> Packets(byte[] file)
    {
        var pending = new List<byte>();
        var offset = 0;
        while (offset + 27 <= file.Length)
        {
            if (!file.AsSpan(offset, 4).SequenceEqual("OggS"u8))
            {
                throw new InvalidDataException($"No Ogg page at byte {offset}.");
            }

            int segments = file[offset + 26];
            var body = offset + 27 + segments;
            for (var i = 0; i < segments; i++)
            {
                int lacing = file[offset + 27 + i];
                if (body + lacing > file.Length)
                {
                    throw new InvalidDataException($"The Ogg page at byte {offset} runs past the end of the file.");
                }

                pending.AddRange(file.AsSpan(body, lacing));
                body += lacing;
                if (lacing < 255)
                {
                    yield return [.. pending];
                    pending.Clear();
                }
            }

            offset = body;
        }
    }

    /// <summary>Samples at 48 kHz in one Opus packet: its configuration's frame size times its frame count.</summary>
    private static int Samples(byte[] packet)
    {
        var config = packet[0] >> 3;
        var frameSize = config switch
        {
            < 12 => new[] { 480, 960, 1920, 2880 }[config % 4], // SILK: 10, 20, 40, 60 ms
            < 16 => config % 2 == 0 ? 480 : 960, // hybrid: 10, 20 ms
            _ => new[] { 120, 240, 480, 960 }[config % 4], // CELT: 2.5, 5, 10, 20 ms
        };
        var frames = (packet[0] & 3) switch
        {
            0 => 1,
            3 when packet.Length > 1 => packet[1] & 0x3F,
            3 => 1,
            _ => 2,
        };
        return frameSize * frames;
    }
}
