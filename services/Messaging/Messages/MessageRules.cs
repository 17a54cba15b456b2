using System.Globalization;
using System.Text;

namespace WebRtcChat.Messaging.Messages;

/// <summary>Limits of a message and its reactions; each check returns an error message or null.</summary>
public static class MessageRules
{
    public const int MaxContentLength = 10_000;
    public const int MaxClientMessageIdLength = 64;
    public const int MaxEmojiLength = 32;
    public const int DefaultPageSize = 50;
    private const int CombiningKeycap = 0x20E3;
    public const int MaxPageSize = 100;

    public static string? CheckContent(string? content) =>
        string.IsNullOrWhiteSpace(content) ? "The content must not be empty."
        : content.Length > MaxContentLength ? $"The content must be at most {MaxContentLength} characters."
        : null;

    public static string? CheckClientMessageId(string? clientMessageId) =>
        clientMessageId is null ? null
        : clientMessageId.Length is 0 or > MaxClientMessageIdLength ? $"The clientMessageId must be 1 to {MaxClientMessageIdLength} characters."
        : null;

    /// <summary>
    /// One emoji: a single grapheme (so skin tones, ZWJ sequences, flags and keycaps count as one) built only from
    /// pictographic symbols and the joiners, selectors and modifiers emoji use, with at least one pictograph (or a keycap such as 1️⃣).
    /// </summary>
    public static bool IsEmoji(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxEmojiLength || new StringInfo(value).LengthInTextElements != 1)
        {
            return false;
        }

        var pictographs = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (IsPictograph(rune) || rune.Value == CombiningKeycap)
            {
                pictographs++;
            }
            else if (!IsEmojiComponent(rune))
            {
                return false;
            }
        }

        return pictographs > 0;
    }

    private static bool IsPictograph(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol
        || rune.Value is >= 0x1F1E6 and <= 0x1F1FF; // regional indicators (flags)

    private static bool IsEmojiComponent(Rune rune) =>
        rune.Value is 0x200D // zero-width joiner
            or 0xFE0F or 0xFE0E // variation selectors
            or CombiningKeycap
            or (>= 0x1F3FB and <= 0x1F3FF) // skin tones
            or (>= 0xE0020 and <= 0xE007F) // tag sequences (subdivision flags)
            or '#' or '*' or (>= '0' and <= '9'); // keycap bases
}
