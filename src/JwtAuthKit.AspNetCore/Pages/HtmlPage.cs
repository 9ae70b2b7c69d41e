using System.Text.Encodings.Web;

using Microsoft.AspNetCore.Http;

namespace JwtAuthKit.AspNetCore.Pages;

/// <summary>A minimal, script-free HTML page; its headers (a strict Content-Security-Policy) come from <see cref="Http.SecurityHeaders"/>.</summary>
internal static class HtmlPage
{
    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    public static IResult Render(string title, string body, int statusCode = 200) => new PageResult(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + $"<title>{Encode(title)}</title><style>{Http.SecurityHeaders.PageStyle}</style></head>"
        + $"<body><main>{body}</main></body></html>", statusCode);

    private sealed class PageResult(string html, int statusCode) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = statusCode;
            httpContext.Response.ContentType = "text/html; charset=utf-8";
            return httpContext.Response.WriteAsync(html, httpContext.RequestAborted);
        }
    }
}
