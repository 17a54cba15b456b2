namespace WebRtcChat.WebRtc.Tests.Ice;

/// <summary>Waits for what a UDP peer will observe soon: a condition polled, or a received value.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (stopwatch.Elapsed > Patience)
            {
                Assert.Fail($"Still not true after {Patience.TotalSeconds} s: {what}");
            }

            await Task.Delay(5);
        }
    }

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Patience);
}
