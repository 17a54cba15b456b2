using WebRtcChat.MediaSfu.Quality;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>The dominant speaker rules on a simulated clock: 100 ms windows of mean audio levels (-dBov).</summary>
public sealed class DominantSpeakerDetectorTests
{
    private const byte Loud = 25;
    private const byte Quiet = 45;
    private const byte Silent = 127;

    private static readonly Guid Alice = Guid.CreateVersion7();
    private static readonly Guid Bob = Guid.CreateVersion7();

    private readonly DominantSpeakerOptions options = new();
    private readonly DominantSpeakerDetector detector;
    private readonly List<(TimeSpan At, Guid Speaker)> changes = [];
    private TimeSpan now;

    public DominantSpeakerDetectorTests() => detector = new DominantSpeakerDetector(options);

    [Fact]
    public void The_first_voice_becomes_dominant_once_it_has_spoken_for_the_confirmation_time()
    {
        Speak(TimeSpan.FromSeconds(1), alice: Silent, bob: Silent);
        Assert.Null(detector.Current);

        Speak(TimeSpan.FromSeconds(1.5), alice: Loud, bob: Silent);

        var (at, speaker) = Assert.Single(changes);
        Assert.Equal(Alice, speaker);
        Assert.InRange(at, TimeSpan.FromSeconds(1) + options.Confirmation, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void The_floor_passes_when_the_other_speaks_alone_and_stays_through_silence()
    {
        Speak(TimeSpan.FromSeconds(2), alice: Loud, bob: Silent);
        var bobStarts = now;
        Speak(TimeSpan.FromSeconds(2), alice: Silent, bob: Loud);
        Speak(TimeSpan.FromSeconds(5), alice: Silent, bob: Silent);

        Assert.Equal([Alice, Bob], changes.Select(c => c.Speaker));
        Assert.InRange(changes[1].At - bobStarts, options.Confirmation, TimeSpan.FromSeconds(1.5));
        Assert.Equal(Bob, detector.Current);
    }

    [Fact]
    public void Alternating_short_bursts_do_not_move_the_floor()
    {
        Speak(TimeSpan.FromSeconds(2), alice: Loud, bob: Silent);
        for (var i = 0; i < 15; i++)
        {
            Speak(TimeSpan.FromMilliseconds(200), alice: Silent, bob: Loud);
            Speak(TimeSpan.FromMilliseconds(200), alice: Loud, bob: Silent);
        }

        Assert.Equal([Alice], changes.Select(c => c.Speaker));
    }

    [Fact]
    public void A_speaker_who_keeps_talking_is_not_interrupted_by_someone_only_slightly_louder()
    {
        Speak(TimeSpan.FromSeconds(2), alice: Quiet, bob: Silent);
        Speak(TimeSpan.FromSeconds(5), alice: Quiet, bob: Quiet - 4);

        Assert.Equal([Alice], changes.Select(c => c.Speaker));

        Speak(TimeSpan.FromSeconds(2), alice: Quiet, bob: Loud);

        Assert.Equal([Alice, Bob], changes.Select(c => c.Speaker));
    }

    [Fact]
    public void Changes_come_at_most_once_per_minimum_hold()
    {
        for (var i = 0; i < 10; i++)
        {
            Speak(TimeSpan.FromMilliseconds(900), alice: Loud, bob: Silent);
            Speak(TimeSpan.FromMilliseconds(900), alice: Silent, bob: Loud);
        }

        Assert.True(changes.Count >= 3, "speakers taking turns of 900 ms do change the floor");
        foreach (var (previous, next) in changes.Zip(changes.Skip(1)))
        {
            Assert.True(next.At - previous.At >= options.MinimumHold, $"changes at {previous.At} and {next.At}");
        }
    }

    [Fact]
    public void A_dominant_speaker_who_leaves_is_forgotten_and_noise_below_the_threshold_takes_nothing()
    {
        Speak(TimeSpan.FromSeconds(2), alice: Loud, bob: Silent);
        Observe(new Dictionary<Guid, AudioLevelWindow> { [Bob] = new(5, 70) }, TimeSpan.FromSeconds(3));

        Assert.Null(detector.Current);
        Assert.Equal([Alice], changes.Select(c => c.Speaker));
    }

    private void Speak(TimeSpan duration, byte alice, byte bob) =>
        Observe(new Dictionary<Guid, AudioLevelWindow> { [Alice] = Window(alice), [Bob] = Window(bob) }, duration);

    private void Observe(Dictionary<Guid, AudioLevelWindow> windows, TimeSpan duration)
    {
        for (var end = now + duration; now < end;)
        {
            now += options.Window;
            if (detector.Observe(windows, now))
            {
                changes.Add((now, detector.Current!.Value));
            }
        }
    }

    // Silence is what a muted or absent sender looks like: no packets with a level.
    private static AudioLevelWindow Window(byte level) => level == Silent ? new(0, AudioLevelWindow.Silence) : new(5, level);
}
