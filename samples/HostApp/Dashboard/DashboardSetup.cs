using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace JwtAuthKit.HostApp.Dashboard;

/// <summary>The admin dashboard at <c>/admin</c>: Razor Pages over the public services, behind a cookie session.</summary>
internal static class DashboardSetup
{
    public const string Policy = "JwtAuthKit.Dashboard";

    // Only the dashboard's own stylesheet, script and same-origin frames (template previews); no inline script or style.
    public const string ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static readonly string[] AnonymousPages = ["/SignIn", "/ForgotPassword", "/ResetPassword", "/VerifyEmail", "/SignUp", "/Invitations/Accept"];

    public static WebApplicationBuilder AddJwtAuthKitDashboard(this WebApplicationBuilder builder, bool devMailbox)
    {
        builder.Services.AddSingleton(new DashboardMail(devMailbox));
        var development = builder.Environment.IsDevelopment();
        var secure = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        builder.Services.AddScoped<DashboardAccess>();
        builder.Services.AddAuthentication().AddCookie(DashboardSession.Scheme, o => DashboardSession.Configure(o, development));
        builder.Services.AddAuthorization(o => o.AddPolicy(Policy, p => p.AddAuthenticationSchemes(DashboardSession.Scheme).RequireAuthenticatedUser()));
        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Dashboard/Pages";
            o.Conventions.AuthorizeFolder("/", Policy);
            foreach (var page in AnonymousPages)
            {
                o.Conventions.AllowAnonymousToPage(page);
            }
        });
        builder.Services.Configure<AntiforgeryOptions>(o =>
        {
            o.Cookie.Name = "__jak_dashboard_af";
            o.Cookie.Path = DashboardPaths.Root;
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            // The antiforgery system refuses to run on plain HTTP with Always; behind a TLS proxy whose forwarded headers
            // are configured the request is HTTPS and the cookie Secure. The session cookie itself is always Secure.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__af";
        });
        builder.Services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = "__jak_dashboard_notice";
            o.Cookie.Path = DashboardPaths.Root;
            o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict;
            o.Cookie.SecurePolicy = secure;
        });
        return builder;
    }

    public static WebApplication UseJwtAuthKitDashboard(this WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            if (DashboardPaths.IsDashboard(context.Request.Path))
            {
                context.Response.OnStarting(static state =>
                {
                    var headers = ((HttpContext)state).Response.Headers;
                    if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
                    {
                        headers.ContentSecurityPolicy = ContentSecurityPolicy;
                        headers.XFrameOptions = "DENY";
                    }

                    headers.XContentTypeOptions = "nosniff";
                    headers["Referrer-Policy"] = "no-referrer";
                    if (string.IsNullOrEmpty(headers.CacheControl))
                    {
                        headers.CacheControl = "no-store";
                    }

                    return Task.CompletedTask;
                }, context);
            }

            return next(context);
        });

        var assets = Path.Combine(AppContext.BaseDirectory, "Dashboard", "Assets");
        if (Directory.Exists(assets))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(assets),
                RequestPath = DashboardPaths.Assets,
                OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
            });
        }

        app.MapRazorPages();
        return app;
    }
}
