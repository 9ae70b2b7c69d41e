namespace JwtAuthKit.OneTimeTokens;

/// <summary>
/// The host dashboard's own pages that emailed links of the platform application (dashboard accounts) point at, under
/// <see cref="JwtAuthKitOptions.Issuer"/>, as the invitation link does (<c>/admin/invitations/accept</c>).
/// </summary>
internal static class DashboardPagePaths
{
    /// <summary>Where a dashboard account chooses a new password.</summary>
    public const string ResetPassword = "/admin/reset-password";

    /// <summary>Where a dashboard account confirms its email address.</summary>
    public const string VerifyEmail = "/admin/verify-email";
}
