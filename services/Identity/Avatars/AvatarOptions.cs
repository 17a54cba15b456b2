using System.ComponentModel.DataAnnotations;

namespace WebRtcChat.Identity.Avatars;

/// <summary>Avatar storage and limits, bound from the <c>Avatars</c> section.</summary>
public sealed class AvatarOptions
{
    public const string Section = "Avatars";

    /// <summary>The object store bucket avatars are kept in.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", ErrorMessage = "Avatars:Bucket must be a valid S3 bucket name.")]
    public string Bucket { get; set; } = "avatars";

    /// <summary>The largest image accepted, in bytes.</summary>
    [Range(1024, 5 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Room for the multipart framing (boundaries, part headers) around the file.</summary>
    public const long MultipartOverhead = 64 * 1024;

    public long MaxRequestBytes => MaxBytes + MultipartOverhead;
}
