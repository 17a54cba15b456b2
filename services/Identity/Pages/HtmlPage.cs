using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace WebRtcChat.Identity.Pages;

/// <summary>
/// The frame of the server-rendered pages (login, consent): one stylesheet, no script, every value HTML-encoded,
/// forms protected by an antiforgery token, and headers that keep the pages out of frames and caches.
/// </summary>
public static class HtmlPage
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    // No form-action: after a consent post the browser must be free to follow the redirect to the client's redirect_uri.
    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

    private const string Style = """
        *{box-sizing:border-box}
        body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f3f4f6;
          font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827}
        main{width:100%;max-width:400px;margin:1rem;padding:2rem;background:#fff;border-radius:12px;box-shadow:0 8px 24px rgba(0,0,0,.08)}
        h1{margin:0 0 .25rem;font-size:1.4rem}
        p.lead{margin:0 0 1.5rem;color:#4b5563}
        label{display:block;margin:1rem 0 .25rem;font-weight:600;font-size:.9rem}
        input[type=text],input[type=password]{width:100%;padding:.6rem .75rem;border:1px solid #d1d5db;border-radius:8px;font:inherit}
        input:focus{outline:2px solid #2563eb;outline-offset:1px}
        .actions{display:flex;gap:.75rem;margin-top:1.5rem}
        button{flex:1;padding:.65rem 1rem;border:0;border-radius:8px;font:inherit;font-weight:600;cursor:pointer;background:#2563eb;color:#fff}
        button.secondary{background:#e5e7eb;color:#111827}
        .error{margin:0 0 1rem;padding:.6rem .75rem;border-radius:8px;background:#fef2f2;color:#991b1b;border:1px solid #fecaca}
        ul.scopes{padding-left:1.25rem;margin:.5rem 0 0}
        """;

    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    public static string Hidden(string name, string? value) => $"""<input type="hidden" name="{Encode(name)}" value="{Encode(value)}">""";

    /// <summary>The antiforgery field for a form on this page (its cookie is set on the response).</summary>
    public static string AntiforgeryInput(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return Hidden(tokens.FormFieldName, tokens.RequestToken);
    }

    public static Task<bool> IsFormValidAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
    }

    /// <summary>A form posting to <paramref name="path"/> (under the request's path base), with the antiforgery field.</summary>
    public static string Form(HttpContext context, string path, string fields)
    {
        ArgumentNullException.ThrowIfNull(context);
        return $"""
            <form method="post" action="{Encode(context.Request.PathBase + path)}">
            {AntiforgeryInput(context)}
            {fields}
            </form>
            """;
    }

    public static string Error(string? message) => message is null ? string.Empty : $"""<p class="error" role="alert">{Encode(message)}</p>""";

    public static IResult Render(HttpContext context, string title, string body, int statusCode = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        var html = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Encode(title)} · WebRtcChat</title>
            <style>{Style}</style>
            </head>
            <body><main>
            {body}
            </main></body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }
}
