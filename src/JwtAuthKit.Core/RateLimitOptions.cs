namespace JwtAuthKit;

/// <summary>Limits on how often one client address may call the credential endpoints (OWASP ASVS 2.2.1).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Sign-in and sign-up attempts allowed per client IP address and window. <value>The default value is 20.</value></summary>
    public int PermitLimit { get; set; } = 20;

    /// <summary>The window the limit counts in. <value>The default value is 1 minute.</value></summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
