using System.Buffers.Binary;

namespace WebRtcChat.Bench.SfuLoad.Media;

/// <summary>
/// Reads the frames of an IVF file (the container libvpx and ffmpeg write VP8 into): a 32-byte header ("DKIF", version,
/// header size, codec, size, time base), then per frame a 12-byte header (size, 64-bit pts) and the frame.
/// </summary>
public static class IvfReader
{
    private const int VideoClockRate = 90_000;

    public static MediaClip Read(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length < 32 || !file.AsSpan(0, 4).SequenceEqual("DKIF"u8) || !file.AsSpan(8, 4).SequenceEqual("VP80"u8))
        {
            throw new InvalidDataException("Not an IVF file of VP8 frames.");
        }

        var headerLength = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(6));
        var rate = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(16));
        var scale = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(20));
        var frames = new List<MediaFrame>();
        for (var offset = (int)headerLength; offset + 12 <= file.Length;)
        {
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset));
            var pts = BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(offset + 4));
            if (offset + 12 + size > file.Length)
            {
                throw new InvalidDataException($"The IVF frame at byte {offset} runs past the end of the file.");
            }

            frames.Add(new MediaFrame((uint)(pts * scale * VideoClockRate / rate), file.AsSpan(offset + 12, size).ToArray()));
            offset += 12 + size;
        }

        if (frames.Count < 2)
        {
            throw new InvalidDataException("The IVF file holds fewer than two frames.");
        }

        // One more frame interval after the last frame closes the loop.
        var interval = frames[^1].Timestamp - frames[^2].Timestamp;
        return new MediaClip(frames, VideoClockRate, frames[^1].Timestamp + interval);
    }
}
