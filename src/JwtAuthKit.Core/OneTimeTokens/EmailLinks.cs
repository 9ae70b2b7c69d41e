using JwtAuthKit.Applications;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.OneTimeTokens;

/// <summary>Where emailed links point: the application's page for the flow, else the host's fallback page.</summary>
internal sealed class EmailLinks(IOptions<JwtAuthKitOptions> options)
{
    /// <summary>The host's fallback page for email verification.</summary>
    public const string VerifyEmailPath = "/auth/verify-email";

    /// <summary>The host's fallback page for choosing a new password.</summary>
    public const string ResetPasswordPath = "/auth/reset-password";

    /// <summary>The host's fallback page for completing a magic-link sign-in.</summary>
    public const string MagicLinkPath = "/auth/magic-link";

    public string VerifyEmail(ApplicationSettings settings) => settings.EmailVerificationUrl ?? Host(VerifyEmailPath);

    public string ResetPassword(ApplicationSettings settings) => settings.PasswordResetUrl ?? Host(ResetPasswordPath);

    public string MagicLink(ApplicationSettings settings, string? redirectTo) => redirectTo ?? settings.MagicLinkUrl ?? settings.SiteUrl ?? Host(MagicLinkPath);

    private string Host(string path) => options.Value.Issuer.TrimEnd('/') + path;
}
