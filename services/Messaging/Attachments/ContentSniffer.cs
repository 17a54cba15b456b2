using System.IO.Compression;
using System.Text;

namespace WebRtcChat.Messaging.Attachments;

/// <summary>
/// Tells what a file is from its bytes (signatures, and for ZIP-based documents their entries), ignoring its name and
/// declared type. Plain text is valid UTF-8 without NUL characters. Unknown binaries are <c>application/octet-stream</c>.
/// </summary>
public static class ContentSniffer
{
    public const string OctetStream = "application/octet-stream";
    public const string PlainText = "text/plain";
    public const string Zip = "application/zip";
    private const int HeaderLength = 64;

    private static readonly (byte[] Signature, int Offset, string MimeType)[] Signatures =
    [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0, "image/png"),
        ([0xFF, 0xD8, 0xFF], 0, "image/jpeg"),
        ("GIF87a"u8.ToArray(), 0, "image/gif"),
        ("GIF89a"u8.ToArray(), 0, "image/gif"),
        ("WEBP"u8.ToArray(), 8, "image/webp"),
        ("WAVE"u8.ToArray(), 8, "audio/wav"),
        ("%PDF-"u8.ToArray(), 0, "application/pdf"),
        ([0x1A, 0x45, 0xDF, 0xA3], 0, "video/webm"),
        ("OggS"u8.ToArray(), 0, "audio/ogg"),
        ("ID3"u8.ToArray(), 0, "audio/mpeg"),
        ([0x7F, 0x45, 0x4C, 0x46], 0, "application/x-elf"),
        ("MZ"u8.ToArray(), 0, "application/x-msdownload"),
        ("PK\x03\x04"u8.ToArray(), 0, Zip),
        ("PK\x05\x06"u8.ToArray(), 0, Zip),
    ];

    private static readonly (string Folder, string MimeType)[] OfficeOpenXml =
    [
        ("word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    ];

    public static async Task<string> SniffAsync(string path, CancellationToken cancellationToken)
    {
        var header = new byte[HeaderLength];
        int length;
        await using (var file = File.OpenRead(path))
        {
            length = await file.ReadAtLeastAsync(header, HeaderLength, throwOnEndOfStream: false, cancellationToken);
        }

        var mimeType = FromHeader(header.AsSpan(0, length));
        return mimeType switch
        {
            Zip => ZipDocumentType(path),
            null when await IsTextAsync(path, cancellationToken) => PlainText,
            null => OctetStream,
            _ => mimeType,
        };
    }

    private static string? FromHeader(ReadOnlySpan<byte> header)
    {
        foreach (var (signature, offset, mimeType) in Signatures)
        {
            if (header.Length >= offset + signature.Length && header.Slice(offset, signature.Length).SequenceEqual(signature))
            {
                return mimeType;
            }
        }

        if (header.Length >= 12 && header[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = header[8..12];
            return brand.SequenceEqual("qt  "u8) ? "video/quicktime" : brand.SequenceEqual("M4A "u8) ? "audio/mp4" : "video/mp4";
        }

        // An MPEG audio frame without an ID3 tag: eleven sync bits, then a valid version and layer.
        return header.Length >= 2 && header[0] == 0xFF && (header[1] & 0xE0) == 0xE0 && (header[1] & 0x06) != 0 ? "audio/mpeg" : null;
    }

    /// <summary>A ZIP is an OpenDocument (its first entry <c>mimetype</c> says which), an Office Open XML document, or a plain archive.</summary>
    private static string ZipDocumentType(string path)
    {
        try
        {
            using var archive = ZipFile.OpenRead(path);
            if (archive.Entries.FirstOrDefault() is { FullName: "mimetype", Length: < 128 } first)
            {
                using var reader = new StreamReader(first.Open(), Encoding.ASCII);
                var declared = reader.ReadToEnd().Trim();
                if (declared.StartsWith("application/vnd.oasis.opendocument.", StringComparison.Ordinal))
                {
                    return declared;
                }
            }

            if (archive.GetEntry("[Content_Types].xml") is not null)
            {
                foreach (var (folder, mimeType) in OfficeOpenXml)
                {
                    if (archive.Entries.Any(e => e.FullName.StartsWith(folder, StringComparison.Ordinal)))
                    {
                        return mimeType;
                    }
                }
            }

            return Zip;
        }
        catch (InvalidDataException)
        {
            return OctetStream; // starts like a ZIP but has no readable directory: not an archive anyone can open
        }
    }

    private static async Task<bool> IsTextAsync(string path, CancellationToken cancellationToken)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length + 1];
        await using var file = File.OpenRead(path);
        try
        {
            int read;
            while ((read = await file.ReadAsync(bytes, cancellationToken)) > 0)
            {
                if (bytes.AsSpan(0, read).Contains((byte)0))
                {
                    return false;
                }

                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
