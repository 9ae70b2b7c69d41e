namespace JwtAuthKit;

/// <summary>
/// Limits on how often one client address may call each kind of credential endpoint (OWASP ASVS 2.2.1). Each kind has
/// its own budget, so a flood of one kind (say, code requests) does not lock out another (sign-in). IPv6 addresses are
/// counted per /64, the block one subscriber usually holds. A kind left unset uses <see cref="PermitLimit"/>.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Attempts allowed per client address, kind and window when a kind sets no limit of its own. <value>The default value is 20.</value></summary>
    public int PermitLimit { get; set; } = 20;

    /// <summary>The window the limits count in. <value>The default value is 1 minute.</value></summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Password sign-in (<c>/login</c>, the platform's <c>/login</c>). <value>The default value is <see cref="PermitLimit"/>.</value></summary>
    public int? SignIn { get; set; }

    /// <summary>Sign-up (<c>/register</c>). <value>The default value is <see cref="PermitLimit"/>.</value></summary>
    public int? SignUp { get; set; }

    /// <summary>Requests that send an email (<c>/password/forgot</c>, <c>/email/resend</c>, <c>/magic-link</c>, <c>/otp</c>). <value>The default value is <see cref="PermitLimit"/>.</value></summary>
    public int? EmailSending { get; set; }

    /// <summary>Redeeming a code or link (<c>/otp/verify</c>, <c>/magic-link/verify</c>, <c>/email/verify</c>, <c>/password/reset</c>). <value>The default value is <see cref="PermitLimit"/>.</value></summary>
    public int? Verification { get; set; }

    /// <summary>Second-factor steps (<c>/login/mfa</c>, <c>/mfa/*</c>). <value>The default value is <see cref="PermitLimit"/>.</value></summary>
    public int? Mfa { get; set; }

    /// <summary>Refresh-token exchanges (<c>/token/refresh</c>). <value>The default value is <see cref="PermitLimit"/>.</value></summary>
    public int? Refresh { get; set; }

    /// <summary>Password changes (<c>/password/change</c>). <value>The default value is <see cref="PermitLimit"/>.</value></summary>
    public int? PasswordChange { get; set; }
}
