namespace WebRtcChat.WebRtc.Tests.Sdp;

/// <summary>The offers captured from real browsers (see Fixtures/capture-offers.mjs), copied beside the test assembly.</summary>
internal static class Fixtures
{
    public static TheoryData<string> Names => new("chrome-audio-video", "chrome-simulcast", "firefox-audio-video", "firefox-simulcast");

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sdp", "Fixtures", name + ".sdp"));
}
