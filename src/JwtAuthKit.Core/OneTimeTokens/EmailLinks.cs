using JwtAuthKit.Applications;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.OneTimeTokens;

/// <summary>Where emailed links point: the application's page for the flow, else the host's page under the issuer.</summary>
internal sealed class EmailLinks(IOptions<JwtAuthKitOptions> options)
{
    /// <summary>The verification page: the application's own, else the dashboard's for dashboard accounts, else the host's fallback page.</summary>
    public string VerifyEmail(Application application) => application.Settings.EmailVerificationUrl
        ?? Host(application.ClientId == PlatformApplication.ClientId ? DashboardPagePaths.VerifyEmail : FallbackPagePaths.VerifyEmail);

    /// <summary>The reset page: the application's own, else the dashboard's for dashboard accounts, else the host's fallback page.</summary>
    public string ResetPassword(Application application) => application.Settings.PasswordResetUrl
        ?? Host(application.ClientId == PlatformApplication.ClientId ? DashboardPagePaths.ResetPassword : FallbackPagePaths.ResetPassword);

    public string MagicLink(ApplicationSettings settings, string? redirectTo) => redirectTo ?? settings.MagicLinkUrl ?? settings.SiteUrl ?? Host(FallbackPagePaths.MagicLink);

    private string Host(string path) => options.Value.Issuer.TrimEnd('/') + path;
}
