namespace JwtAuthKit;

/// <summary>
/// The catalogue of error codes of the HTTP contract. Codes are stable: clients branch on them.
/// The ASP.NET Core package maps each code to its HTTP status in one place.
/// </summary>
public static class JwtAuthKitErrors
{
    /// <summary>A request field failed validation (400).</summary>
    public const string ValidationFailed = "validation_failed";
    /// <summary>The email address is not a valid address (400).</summary>
    public const string InvalidEmail = "invalid_email";
    /// <summary>The password breaks the password policy (400).</summary>
    public const string WeakPassword = "weak_password";
    /// <summary>A one-time token or code is unknown, used or expired (400).</summary>
    public const string InvalidToken = "invalid_token";
    /// <summary>A redirect URL is not one of the application's redirect URLs (400).</summary>
    public const string InvalidRedirect = "invalid_redirect";
    /// <summary>No valid credentials were presented (401).</summary>
    public const string Unauthorized = "unauthorized";
    /// <summary>The email and password do not match an account (401).</summary>
    public const string InvalidCredentials = "invalid_credentials";
    /// <summary>The refresh token is unknown, expired or belongs to an ended session (401).</summary>
    public const string InvalidRefreshToken = "invalid_refresh_token";
    /// <summary>An already rotated refresh token was replayed; the session was revoked (401).</summary>
    public const string RefreshTokenReused = "refresh_token_reused";
    /// <summary>The access token belongs to a session that has ended (401).</summary>
    public const string SessionRevoked = "session_revoked";
    /// <summary>The MFA code is wrong (401).</summary>
    public const string InvalidMfaCode = "invalid_mfa_code";
    /// <summary>The MFA token of a two-step sign-in is unknown, used or expired (401).</summary>
    public const string InvalidMfaToken = "invalid_mfa_token";
    /// <summary>The access token was issued before the user's roles changed; refresh for a new one (401).</summary>
    public const string TokenStale = "token_stale";
    /// <summary>The request must name its application with an API key (401).</summary>
    public const string ApiKeyRequired = "api_key_required";
    /// <summary>The API key is unknown, revoked or malformed (401).</summary>
    public const string InvalidApiKey = "invalid_api_key";
    /// <summary>The caller may not do this (403).</summary>
    public const string Forbidden = "forbidden";
    /// <summary>The password was right but the email address is not verified yet (403).</summary>
    public const string EmailNotVerified = "email_not_verified";
    /// <summary>The password was right but the account is disabled (403).</summary>
    public const string AccountDisabled = "account_disabled";
    /// <summary>The application has switched this sign-in method off (403).</summary>
    public const string MethodDisabled = "method_disabled";
    /// <summary>The application does not allow sign-up (403).</summary>
    public const string SignupDisabled = "signup_disabled";
    /// <summary>An operator must set up a second factor before using the dashboard or platform API (403).</summary>
    public const string MfaEnrollmentRequired = "mfa_enrollment_required";
    /// <summary>The resource does not exist for this caller (404).</summary>
    public const string NotFound = "not_found";
    /// <summary>An account with this email already exists in the application (409).</summary>
    public const string EmailTaken = "email_taken";
    /// <summary>The change conflicts with the current state (409).</summary>
    public const string Conflict = "conflict";
    /// <summary>The change would leave an application without an owner (409).</summary>
    public const string LastOwner = "last_owner";
    /// <summary>The request body is larger than allowed (413).</summary>
    public const string PayloadTooLarge = "payload_too_large";
    /// <summary>The request body is not JSON (415).</summary>
    public const string UnsupportedMediaType = "unsupported_media_type";
    /// <summary>Too many requests; retry after the time given in <c>Retry-After</c> (429).</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>A <see cref="ValidationFailed"/> error about one field, for front ends that check their own input.</summary>
    /// <param name="field">The request field, in the contract's <c>snake_case</c>.</param>
    /// <param name="message">What is wrong with it and what to send instead.</param>
    /// <returns>The error.</returns>
    public static JwtAuthKitError Validation(string field, string message) =>
        new(ValidationFailed, "One or more fields are invalid.", new Dictionary<string, string[]> { [field] = [message] });
}
