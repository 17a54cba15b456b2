using System.Globalization;
using System.Text;

namespace WebRtcChat.Messaging.Attachments;

/// <summary>
/// Makes a client's file name safe to show and to offer as a download name: no folders, no control or format characters,
/// none of the characters file systems reserve, no leading dots, at most <see cref="MaxLength"/> characters (keeping the
/// extension). Names are only ever shown: storage keys never contain them.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 200;
    public const string Fallback = "file";
    private const int MaxExtensionLength = 16;
    private static readonly char[] Reserved = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

    public static string Sanitize(string? name)
    {
        var lastPart = (name ?? string.Empty).Split('/', '\\').Last().Normalize(NormalizationForm.FormC);
        var cleaned = new StringBuilder(lastPart.Length);
        foreach (var rune in lastPart.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                    or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                    or UnicodeCategory.OtherNotAssigned
                || (rune.IsAscii && Reserved.Contains((char)rune.Value)))
            {
                cleaned.Append('_');
            }
            else
            {
                cleaned.Append(Rune.IsWhiteSpace(rune) ? " " : rune.ToString());
            }
        }

        var result = string.Join(' ', cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimStart('.').TrimEnd('.', ' ');
        return result.Length == 0 ? Fallback : Shorten(result);
    }

    private static string Shorten(string name)
    {
        if (new StringInfo(name).LengthInTextElements <= MaxLength)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        extension = extension.Length <= MaxExtensionLength ? extension : string.Empty;
        var stem = new StringInfo(name[..^extension.Length]);
        return stem.SubstringByTextElements(0, MaxLength - extension.Length) + extension;
    }
}
