using Microsoft.Playwright;

namespace WebRtcChat.Testing;

/// <summary>Debian's headless Chromium driven by Playwright (no browser download: the system binary is used).</summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Lets WebRTC gather candidates on loopback, so peer connections between pages stay on this machine's 127.0.0.1.</summary>
    public const string LoopbackWebRtc = "--allow-loopback-in-peer-connection";

    private readonly IPlaywright playwright;

    private Browser(IPlaywright playwright, IBrowser chromium)
    {
        this.playwright = playwright;
        Chromium = chromium;
    }

    public IBrowser Chromium { get; }

    /// <param name="extraArguments">More Chromium switches, e.g. <see cref="LoopbackWebRtc"/>.</param>
    public static async Task<Browser> LaunchAsync(params string[] extraArguments)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing; install it with: sudo apt-get install -y chromium (./test.sh does this)");
        }

        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--autoplay-policy=no-user-gesture-required",
                .. extraArguments,
            ],
        });
        return new Browser(playwright, chromium);
    }

    public async Task<IPage> NewPageAsync(Uri url)
    {
        var page = await Chromium.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync(url.ToString());
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        playwright.Dispose();
    }
}
