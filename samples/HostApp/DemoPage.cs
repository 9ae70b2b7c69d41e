using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace JwtAuthKit.HostApp;

/// <summary>Serves the web SDK's demo page at <c>/demo</c> from the <c>Demo</c> folder beside the host.</summary>
internal static class DemoPage
{
    // Everything from the host itself; no inline script or style.
    private const string Policy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static WebApplication UseJwtAuthKitDemoPage(this WebApplication app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Demo");
        if (!Directory.Exists(folder))
        {
            return app;
        }

        var files = new PhysicalFileProvider(folder);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = "/demo" });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = "/demo",
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers[HeaderNames.ContentSecurityPolicy] = Policy;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers[HeaderNames.CacheControl] = "no-cache";
                headers["Referrer-Policy"] = "no-referrer";
            },
        });
        return app;
    }
}
