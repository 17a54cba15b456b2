using System.Globalization;

namespace WebRtcChat.Bench.SfuLoad.Janus;

/// <summary>
/// Writes a config folder for the Debian package's Janus: ICE-lite, half-trickle, no STUN or 1:1 NAT, an auto-generated
/// DTLS certificate, only the HTTP transport (on 127.0.0.1 and the given port, admin API off), only the VideoRoom plugin,
/// no loggers or event handlers, and error-level logging.
/// </summary>
public static class JanusConfig
{
    public const string ModulesRoot = "/usr/lib/x86_64-linux-gnu/janus";

    public static void Write(string folder, int httpPort)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "janus.jcfg"), $$"""
            general: {
                configs_folder = "{{folder}}"
                plugins_folder = "{{ModulesRoot}}/plugins"
                transports_folder = "{{ModulesRoot}}/transports"
                events_folder = "{{ModulesRoot}}/events"
                loggers_folder = "{{ModulesRoot}}/loggers"
                debug_level = 2
                session_timeout = 60
            }
            certificates: {
            }
            media: {
            }
            nat: {
                ice_lite = true
                full_trickle = false
            }
            plugins: {
                disable = "{{AllBut(Path.Combine(ModulesRoot, "plugins"), "libjanus_videoroom.so")}}"
            }
            transports: {
                disable = "{{AllBut(Path.Combine(ModulesRoot, "transports"), "libjanus_http.so")}}"
            }
            loggers: {
                disable = "{{AllBut(Path.Combine(ModulesRoot, "loggers"), "")}}"
            }
            events: {
                broadcast = false
            }
            """);
        File.WriteAllText(Path.Combine(folder, "janus.transport.http.jcfg"), string.Create(CultureInfo.InvariantCulture, $$"""
            general: {
                json = "compact"
                base_path = "/janus"
                http = true
                port = {{httpPort}}
                ip = "127.0.0.1"
                https = false
            }
            admin: {
                admin_http = false
                admin_https = false
            }
            """));
        File.WriteAllText(Path.Combine(folder, "janus.plugin.videoroom.jcfg"), "general: {\n}\n");
    }

    /// <summary>The module files in <paramref name="folder"/> other than <paramref name="kept"/>, comma-separated.</summary>
    private static string AllBut(string folder, string kept) => !Directory.Exists(folder) ? ""
        : string.Join(',', Directory.GetFiles(folder, "*.so").Select(Path.GetFileName).Where(name => name != kept).Order(StringComparer.Ordinal));
}
