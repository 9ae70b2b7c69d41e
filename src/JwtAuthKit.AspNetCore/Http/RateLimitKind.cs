namespace JwtAuthKit.AspNetCore.Http;

/// <summary>
/// The kinds of credential request that each have their own per-address budget (<see cref="RateLimitOptions"/>); a host's
/// own pages count against them through <see cref="ICredentialRateLimiter"/>.
/// </summary>
public enum RateLimitKind
{
    /// <summary>Password sign-in.</summary>
    SignIn,

    /// <summary>Sign-up.</summary>
    SignUp,

    /// <summary>Requests that send an email: forgot password, resend verification, magic link, email code.</summary>
    EmailSending,

    /// <summary>Redeeming a code or a link: email code, magic link, email verification, password reset.</summary>
    Verification,

    /// <summary>Second-factor steps: <c>/login/mfa</c> and <c>/mfa/*</c>.</summary>
    Mfa,

    /// <summary>Refresh-token exchanges.</summary>
    Refresh,

    /// <summary>Password changes.</summary>
    PasswordChange,
}
