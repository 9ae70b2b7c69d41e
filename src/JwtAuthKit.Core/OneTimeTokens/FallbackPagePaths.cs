namespace JwtAuthKit.OneTimeTokens;

/// <summary>
/// Where the host's own pages complete emailed links when an application names no page of its own. Links point at
/// <see cref="JwtAuthKitOptions.Issuer"/> followed by these paths.
/// </summary>
public static class FallbackPagePaths
{
    /// <summary>The page that confirms an email address.</summary>
    public const string VerifyEmail = "/auth/verify-email";

    /// <summary>The page where a user chooses a new password.</summary>
    public const string ResetPassword = "/auth/reset-password";

    /// <summary>The page that completes a magic-link sign-in.</summary>
    public const string MagicLink = "/auth/magic-link";
}
