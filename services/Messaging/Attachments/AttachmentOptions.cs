using System.ComponentModel.DataAnnotations;

namespace WebRtcChat.Messaging.Attachments;

/// <summary>Limits and behaviour of file, image, video and voice uploads: the <c>Attachments</c> configuration section.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>Room for the multipart framing and the small form fields around the files.</summary>
    public const long MultipartOverhead = 64 * 1024;

    private const long MiB = 1024 * 1024;

    /// <summary>What <see cref="AllowedTypes"/> means when it is not configured.</summary>
    public static readonly IReadOnlyList<string> DefaultAllowedTypes =
    [
        "image/png", "image/jpeg", "image/gif", "image/webp",
        "application/pdf", "text/plain", "application/zip",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text",
        "application/vnd.oasis.opendocument.spreadsheet",
        "application/vnd.oasis.opendocument.presentation",
        "video/mp4", "video/webm", "video/quicktime",
        "audio/mpeg", "audio/ogg", "audio/webm", "audio/mp4", "audio/wav",
    ];

    /// <summary>The largest file accepted on POST /api/messages/attachments, in bytes.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 25 * MiB;

    /// <summary>The most files one message may carry.</summary>
    [Range(1, 100)]
    public int MaxFiles { get; set; } = 10;

    /// <summary>The most bytes all files of one message may add up to.</summary>
    [Range(1, long.MaxValue)]
    public long MaxTotalBytes { get; set; } = 50 * MiB;

    /// <summary>
    /// The content types accepted as attachments, as sniffed from the bytes. Configuring any replaces the whole default
    /// list (<see cref="DefaultAllowedTypes"/>).
    /// </summary>
    public List<string> AllowedTypes { get; set; } = [];

    /// <summary>The largest voice message, in bytes.</summary>
    [Range(1, long.MaxValue)]
    public long VoiceMaxBytes { get; set; } = 10 * MiB;

    /// <summary>The longest voice message.</summary>
    public TimeSpan VoiceMaxDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a presigned download URL works.</summary>
    public TimeSpan DownloadUrlLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Thumbnails fit in a square of this many pixels.</summary>
    [Range(16, 2048)]
    public int ThumbnailSize { get; set; } = 320;

    /// <summary>Images with more pixels than this are refused before anything decodes them.</summary>
    [Range(1, long.MaxValue)]
    public long MaxImagePixels { get; set; } = 100_000_000;

    /// <summary>The ffprobe and ffmpeg executables (from Debian's ffmpeg package by default).</summary>
    [Required]
    public string FfprobePath { get; set; } = "ffprobe";

    [Required]
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>How long one ffprobe or ffmpeg run may take before it is killed and the file refused.</summary>
    public TimeSpan ToolTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an upload may sit in the store unclaimed (its message not committed) before the sweeper deletes it.</summary>
    public TimeSpan UnclaimedUploadGrace { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the sweeper deletes the objects that are due.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(1);

    public IReadOnlyList<string> EffectiveAllowedTypes => AllowedTypes.Count > 0 ? AllowedTypes : DefaultAllowedTypes;

    /// <summary>The whole multipart body of an attachments upload.</summary>
    public long MaxAttachmentsRequestBytes => MaxTotalBytes + MultipartOverhead;

    public long MaxVoiceRequestBytes => VoiceMaxBytes + MultipartOverhead;

    /// <summary>Cross-field rules, checked at start-up; null when the options hold together.</summary>
    public string? Check() =>
        MaxFileBytes > MaxTotalBytes ? "Attachments:MaxFileBytes cannot exceed Attachments:MaxTotalBytes."
        : VoiceMaxDuration <= TimeSpan.Zero ? "Attachments:VoiceMaxDuration must be positive."
        : DownloadUrlLifetime < TimeSpan.FromSeconds(1) || DownloadUrlLifetime > TimeSpan.FromDays(7) ? "Attachments:DownloadUrlLifetime must be between 1 second and 7 days."
        : ToolTimeout <= TimeSpan.Zero || CleanupInterval <= TimeSpan.Zero || UnclaimedUploadGrace <= TimeSpan.Zero ? "Attachments timeouts and intervals must be positive."
        : null;
}
