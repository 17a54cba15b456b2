using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.WebRtc.Tests.Srtp;

public sealed class SrtpReplayWindowTests
{
    [Fact]
    public void Each_index_is_fresh_once_and_the_window_slides_with_the_highest()
    {
        var window = new SrtpReplayWindow();
        Assert.True(window.IsFresh(500));
        window.Accept(500);
        Assert.False(window.IsFresh(500));
        Assert.True(window.IsFresh(499));
        Assert.True(window.IsFresh(500 - SrtpReplayWindow.Size + 1));
        Assert.False(window.IsFresh(500 - SrtpReplayWindow.Size));

        window.Accept(499);
        window.Accept(700);
        Assert.False(window.IsFresh(499));
        Assert.True(window.IsFresh(699));
        Assert.False(window.IsFresh(700));

        window.Accept(100_000);
        Assert.True(window.IsFresh(99_999));
        Assert.False(window.IsFresh(700));
    }

    [Fact]
    public void Looking_does_not_change_the_window()
    {
        var window = new SrtpReplayWindow();
        window.Accept(10);

        Assert.True(window.IsFresh(11));
        Assert.True(window.IsFresh(11));
        Assert.True(window.IsFresh(5_000));
        Assert.True(window.IsFresh(9));
    }
}
