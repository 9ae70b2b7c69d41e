using JwtAuthKit.Applications;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.OneTimeTokens;

/// <summary>Where emailed links point: the application's page for the flow, else the host's fallback page under the issuer.</summary>
internal sealed class EmailLinks(IOptions<JwtAuthKitOptions> options)
{
    public string VerifyEmail(ApplicationSettings settings) => settings.EmailVerificationUrl ?? Host(FallbackPagePaths.VerifyEmail);

    public string ResetPassword(ApplicationSettings settings) => settings.PasswordResetUrl ?? Host(FallbackPagePaths.ResetPassword);

    public string MagicLink(ApplicationSettings settings, string? redirectTo) => redirectTo ?? settings.MagicLinkUrl ?? settings.SiteUrl ?? Host(FallbackPagePaths.MagicLink);

    private string Host(string path) => options.Value.Issuer.TrimEnd('/') + path;
}
