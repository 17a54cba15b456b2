namespace WebRtcChat.WebRtc.Tests;

/// <summary>Hex strings as RFCs print them (spaces and line breaks allowed).</summary>
internal static class Hex
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(string.Concat(hex.Where(c => !char.IsWhiteSpace(c))));
}
