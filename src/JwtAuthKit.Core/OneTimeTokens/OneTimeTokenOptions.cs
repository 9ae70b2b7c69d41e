namespace JwtAuthKit.OneTimeTokens;

/// <summary>Lifetimes of emailed one-time tokens and codes.</summary>
public sealed class OneTimeTokenOptions
{
    /// <summary>Email verification links. <value>The default value is 24 hours.</value></summary>
    public TimeSpan EmailVerificationLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Password reset links. <value>The default value is 1 hour.</value></summary>
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Magic links. <value>The default value is 15 minutes.</value></summary>
    public TimeSpan MagicLinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Email sign-in codes. <value>The default value is 10 minutes.</value></summary>
    public TimeSpan EmailOtpLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Wrong codes that end a code. <value>The default value is 5.</value></summary>
    public int EmailOtpMaxAttempts { get; set; } = 5;
}
