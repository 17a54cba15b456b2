namespace WebRtcChat.Bench.SfuLoad.Media;

/// <summary>One VP8 encoding of the test picture: its simulcast rid, size and target bitrate.</summary>
public sealed record VideoLayer(string Rid, int Width, int Height, int Kbps)
{
    public static readonly VideoLayer Low = new("q", 320, 180, 150);
    public static readonly VideoLayer Medium = new("h", 640, 360, 500);
    public static readonly VideoLayer High = new("f", 1280, 720, 1_500);

    /// <summary>Lowest first, as a=simulcast lists them.</summary>
    public static readonly IReadOnlyList<VideoLayer> Simulcast = [Low, Medium, High];

    public static VideoLayer WithKbps(int kbps) =>
        Simulcast.FirstOrDefault(layer => layer.Kbps == kbps) ?? throw new ArgumentException($"No layer of {kbps} kbps; use 150, 500 or 1500.");
}
