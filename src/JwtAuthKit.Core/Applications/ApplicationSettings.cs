namespace JwtAuthKit.Applications;

/// <summary>
/// The authentication settings of one application: which sign-in methods it allows, token lifetimes,
/// the password policy, the default role, and its web origins. Every field has a safe default.
/// </summary>
public sealed class ApplicationSettings
{
    /// <summary>Whether users may sign in with email and password. <value>The default value is <see langword="true"/>.</value></summary>
    public bool PasswordEnabled { get; set; } = true;

    /// <summary>Whether users may sign in with an emailed link. <value>The default value is <see langword="false"/>.</value></summary>
    public bool MagicLinkEnabled { get; set; }

    /// <summary>Whether users may sign in with an emailed one-time code. <value>The default value is <see langword="false"/>.</value></summary>
    public bool EmailOtpEnabled { get; set; }

    /// <summary>Whether new users may sign up. <value>The default value is <see langword="true"/>.</value></summary>
    public bool SignupEnabled { get; set; } = true;

    /// <summary>Whether password sign-in waits until the email address is verified. <value>The default value is <see langword="false"/>.</value></summary>
    public bool RequireEmailVerification { get; set; }

    /// <summary>Lifetime of access tokens, in seconds. <value>The default value is 900 (15 minutes).</value></summary>
    public int AccessTokenLifetimeSeconds { get; set; } = 900;

    /// <summary>Idle lifetime of a session: how long a refresh token stays usable. <value>The default value is 2,592,000 (30 days).</value></summary>
    public int RefreshTokenLifetimeSeconds { get; set; } = 2_592_000;

    /// <summary>Absolute lifetime of a session, however often it is refreshed. <value>The default value is 7,776,000 (90 days).</value></summary>
    public int SessionLifetimeSeconds { get; set; } = 7_776_000;

    /// <summary>Minimum password length in characters (NIST SP 800-63B asks for at least 8). <value>The default value is 10.</value></summary>
    public int PasswordMinLength { get; set; } = 10;

    /// <summary>The role given to users at sign-up. <value>The default value is <c>user</c>.</value></summary>
    public string DefaultRole { get; set; } = "user";

    /// <summary>Browser origins allowed to call the API (CORS).</summary>
    public IList<string> AllowedOrigins { get; set; } = [];

    /// <summary>URLs that sign-in flows may redirect to.</summary>
    public IList<string> RedirectUrls { get; set; } = [];

    /// <summary>The application's public web address, the base of links in emails.</summary>
    public string? SiteUrl { get; set; }

    /// <summary>Roles whose holders must use multi-factor authentication.</summary>
    public IList<string> MfaRequiredRoles { get; set; } = [];

    /// <summary>The page of the application that completes email verification (gets <c>?token=</c>); the host's own page when unset.</summary>
    public string? EmailVerificationUrl { get; set; }

    /// <summary>The page of the application where users choose a new password (gets <c>?token=</c>); the host's own page when unset.</summary>
    public string? PasswordResetUrl { get; set; }

    /// <summary>The page that completes a magic-link sign-in when the request names no <c>redirect_to</c>; <see cref="SiteUrl"/> when unset.</summary>
    public string? MagicLinkUrl { get; set; }

    /// <summary>The sender address of this application's mail; the mailer's default when unset.</summary>
    public string? EmailFromAddress { get; set; }

    /// <summary>The sender name of this application's mail; the application's name when unset.</summary>
    public string? EmailFromName { get; set; }

    /// <summary>Overrides of the built-in templates, by email kind (<c>verify_email</c>, <c>password_reset</c>, …).</summary>
    public IDictionary<string, Email.EmailTemplate> EmailTemplates { get; set; } = new Dictionary<string, Email.EmailTemplate>();

    /// <summary>
    /// Consecutive failed sign-in attempts (password, MFA or email code) an account gets before each further attempt
    /// waits (NIST SP 800-63B §5.2.2). <value>The default value is 5.</value>
    /// </summary>
    public int AccountThrottleFreeFailures { get; set; } = 5;

    /// <summary>
    /// The longest wait between attempts on a throttled account, in seconds; the wait doubles from 1 s up to it.
    /// <value>The default value is 900 (15 minutes).</value>
    /// </summary>
    public int AccountThrottleMaxDelaySeconds { get; set; } = 900;

    /// <summary>
    /// Emails of one kind (code, magic link, reset, verification) sent to one address per hour; further requests
    /// still answer 202 but send nothing. <value>The default value is 5.</value>
    /// </summary>
    public int EmailsPerAddressPerHour { get; set; } = 5;

    /// <summary>
    /// When on, signing up with a taken address answers like a new sign-up (201 with a user, never tokens) and emails
    /// the owner a notice instead, so sign-up does not reveal which addresses have accounts.
    /// <value>The default value is <see langword="false"/> (409 <c>email_taken</c>).</value>
    /// </summary>
    public bool EnumerationSafeSignup { get; set; }

    /// <summary>Returns a deep copy, so a cached instance is never changed by accident.</summary>
    /// <returns>The copy.</returns>
    public ApplicationSettings Clone()
    {
        var copy = (ApplicationSettings)MemberwiseClone();
        copy.AllowedOrigins = [.. AllowedOrigins];
        copy.RedirectUrls = [.. RedirectUrls];
        copy.MfaRequiredRoles = [.. MfaRequiredRoles];
        copy.EmailTemplates = EmailTemplates.ToDictionary(
            t => t.Key,
            t => new Email.EmailTemplate { Subject = t.Value.Subject, Text = t.Value.Text, Html = t.Value.Html });
        return copy;
    }
}
