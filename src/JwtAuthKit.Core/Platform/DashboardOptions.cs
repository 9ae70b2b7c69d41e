namespace JwtAuthKit.Platform;

/// <summary>The dashboard's accounts (<c>JwtAuthKit:Dashboard</c>): sign-up, MFA for operators, invitations and the first operator.</summary>
public sealed class DashboardOptions
{
    /// <summary>
    /// Whether anyone may create a dashboard account (<c>POST /api/platform/signup</c>) and applications they own.
    /// <value>The default value is <see langword="false"/>.</value>
    /// </summary>
    public bool SignupEnabled { get; set; }

    /// <summary>
    /// Whether operators must have a second factor (TOTP) before they may use the dashboard or <c>/api/platform</c>;
    /// until they set one up, everything but setting it up answers <c>mfa_enrollment_required</c>.
    /// <value>The default value is <see langword="false"/>.</value>
    /// </summary>
    public bool RequireMfa { get; set; }

    /// <summary>How long an invitation link works. <value>The default value is 7 days.</value></summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The first operator, created at start when no account has its address (never changed afterwards).</summary>
    public DashboardOperatorOptions Operator { get; set; } = new();
}

/// <summary>An operator declared in configuration (<c>JwtAuthKit:Dashboard:Operator:Email</c> and <c>:Password</c>).</summary>
public sealed class DashboardOperatorOptions
{
    /// <summary>The operator's address; none when <see langword="null"/>.</summary>
    public string? Email { get; set; }

    /// <summary>The operator's first password (at least 12 characters); used only to create the account, never logged.</summary>
    public string? Password { get; set; }
}
