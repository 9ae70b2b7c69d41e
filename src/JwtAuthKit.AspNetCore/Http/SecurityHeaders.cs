using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>
/// The response headers of JwtAuthKit's routes, set in one place for every answer of a route group — including the
/// 401/403 the authorization middleware writes before any handler runs — from metadata the group carries.
/// API answers carry tokens or user data: no cache may keep them (RFC 9111 §5.2.2.5, OWASP ASVS 8.2.1). Pages carry a
/// token in their URL: no referrer, no framing, nothing but their own inline style (ASVS 14.4).
/// </summary>
internal sealed class SecurityHeaders
{
    /// <summary>The only inline style JwtAuthKit's pages use; the Content-Security-Policy allows it by its hash.</summary>
    public const string PageStyle =
        "body{font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;background:#f4f4f5;color:#111;margin:0;padding:32px}"
        + "main{max-width:720px;margin:0 auto;background:#fff;border-radius:8px;padding:32px}h1{font-size:22px;margin-top:0}"
        + "button{background:#2563eb;color:#fff;border:0;border-radius:6px;padding:10px 18px;font-size:15px;cursor:pointer}"
        + "input{font-size:15px;padding:8px;width:100%;box-sizing:border-box;margin:8px 0 16px}table{border-collapse:collapse;width:100%}"
        + "td,th{text-align:left;padding:6px 8px;border-bottom:1px solid #e5e7eb;font-size:14px}.error{color:#b91c1c}.ok{color:#15803d}"
        + "iframe{width:100%;height:520px;border:1px solid #e5e7eb}pre{white-space:pre-wrap;background:#f9fafb;padding:12px}"
        + "@media(max-width:480px){body{padding:12px}main{padding:16px;overflow-x:auto}td,th{padding:4px;font-size:13px;overflow-wrap:anywhere}}";

    /// <summary>The pages' policy: nothing loads but the page's own style and same-origin frames (the dev mailbox's message body).</summary>
    public static readonly string PagePolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(PageStyle)))}'; "
        + "frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private SecurityHeaders(bool noStore, bool page)
    {
        NoStore = noStore;
        Page = page;
    }

    /// <summary>Answers with tokens or user data: <c>/api/auth</c>, <c>/api/admin</c>, <c>/api/platform</c>.</summary>
    public static SecurityHeaders Api { get; } = new(noStore: true, page: false);

    /// <summary>Public, cacheable documents (JWKS, discovery).</summary>
    public static SecurityHeaders PublicDocument { get; } = new(noStore: false, page: false);

    /// <summary>HTML pages: the fallback pages and the dev mailbox.</summary>
    public static SecurityHeaders Pages { get; } = new(noStore: true, page: true);

    public bool NoStore { get; }

    public bool Page { get; }

    /// <summary>Sets the headers just before the response starts, by when routing has chosen the endpoint.</summary>
    public static Task MiddlewareAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            if (http.GetEndpoint()?.Metadata.GetMetadata<SecurityHeaders>() is { } headers)
            {
                headers.Apply(http.Response.Headers);
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    private void Apply(IHeaderDictionary headers)
    {
        headers.XContentTypeOptions = "nosniff";
        if (NoStore)
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }

        if (Page)
        {
            // A handler that needs a different policy (the dev mailbox's sandboxed message body) sets its own.
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = PagePolicy;
            }

            if (string.IsNullOrEmpty(headers.XFrameOptions))
            {
                headers.XFrameOptions = "DENY";
            }

            headers["Referrer-Policy"] = "no-referrer";
        }
    }

    /// <summary>Puts <see cref="MiddlewareAsync"/> first in the application's pipeline, so every answer gets the headers.</summary>
    internal sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(MiddlewareAsync);
            next(app);
        };
    }
}
