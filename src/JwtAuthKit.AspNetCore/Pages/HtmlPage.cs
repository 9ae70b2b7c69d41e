using System.Text.Encodings.Web;

using Microsoft.AspNetCore.Http;

namespace JwtAuthKit.AspNetCore.Pages;

/// <summary>A minimal, script-free HTML page with a strict Content-Security-Policy.</summary>
internal static class HtmlPage
{
    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    public static IResult Render(string title, string body, int statusCode = 200) => new PageResult(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + $"<title>{Encode(title)}</title><style>body{{font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;background:#f4f4f5;color:#111;margin:0;padding:32px}}"
        + "main{max-width:720px;margin:0 auto;background:#fff;border-radius:8px;padding:32px}h1{font-size:22px;margin-top:0}"
        + "button{background:#2563eb;color:#fff;border:0;border-radius:6px;padding:10px 18px;font-size:15px;cursor:pointer}"
        + "input{font-size:15px;padding:8px;width:100%;box-sizing:border-box;margin:8px 0 16px}table{border-collapse:collapse;width:100%}"
        + "td,th{text-align:left;padding:6px 8px;border-bottom:1px solid #e5e7eb;font-size:14px}.error{color:#b91c1c}.ok{color:#15803d}"
        + "iframe{width:100%;height:520px;border:1px solid #e5e7eb}pre{white-space:pre-wrap;background:#f9fafb;padding:12px}</style></head>"
        + $"<body><main>{body}</main></body></html>", statusCode);

    private sealed class PageResult(string html, int statusCode) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = statusCode;
            httpContext.Response.ContentType = "text/html; charset=utf-8";
            httpContext.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; form-action 'self'; base-uri 'none'";
            httpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
            httpContext.Response.Headers.XContentTypeOptions = "nosniff";
            httpContext.Response.Headers.XFrameOptions = "SAMEORIGIN";
            return httpContext.Response.WriteAsync(html, httpContext.RequestAborted);
        }
    }
}
