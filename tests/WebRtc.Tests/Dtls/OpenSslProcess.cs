using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace WebRtcChat.WebRtc.Tests.Dtls;

/// <summary>Debian's <c>openssl</c> CLI as a child process whose output lines the test can wait for; killed on dispose.</summary>
internal sealed partial class OpenSslProcess : IDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];
    private readonly SemaphoreSlim lineArrived = new(0);

    private OpenSslProcess(params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // s_client ends its connection at end of input: keep it open
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (lines)
            {
                return string.Join('\n', lines);
            }
        }
    }

    public static OpenSslProcess Run(params string[] arguments) => new(arguments);

    /// <summary>Creates an EC P-256 key and self-signed certificate in <paramref name="folder"/>; returns their paths.</summary>
    public static (string Certificate, string Key) CreateCertificate(string folder)
    {
        var (certificate, key) = (Path.Combine(folder, "cert.pem"), Path.Combine(folder, "key.pem"));
        using var openssl = Run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", key, "-out", certificate, "-days", "1", "-subj", "/CN=openssl-peer");
        Assert.True(openssl.process.WaitForExit(30_000) && openssl.process.ExitCode == 0, openssl.Output);
        return (certificate, key);
    }

    public static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    /// <summary>Waits until a line contains <paramref name="text"/>; fails with everything printed so far if none does.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            lock (lines)
            {
                var found = lines.FirstOrDefault(line => line.Contains(text, StringComparison.Ordinal));
                if (found is not null)
                {
                    return found;
                }
            }

            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"openssl never printed '{text}'. Output:\n{Output}");
            await lineArrived.WaitAsync(left);
        }
    }

    /// <summary>The exported keying material OpenSSL printed ("Keying material: 0A1B…").</summary>
    public async Task<byte[]> ExportedKeyingMaterialAsync(TimeSpan timeout)
    {
        var line = await WaitForLineAsync("Keying material:", timeout);
        return Convert.FromHexString(KeyingMaterial().Match(line).Groups[1].Value);
    }

    public void Dispose()
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5_000);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        process.Dispose();
    }

    [GeneratedRegex("Keying material: ([0-9A-Fa-f]+)")]
    private static partial Regex KeyingMaterial();

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Add(line);
        }

        lineArrived.Release();
    }
}
