namespace WebRtcChat.ServiceDefaults.Tests.Support;

internal static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!await condition())
        {
            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"{failure} within {timeout}.");
            }

            await Task.Delay(200);
        }
    }
}
