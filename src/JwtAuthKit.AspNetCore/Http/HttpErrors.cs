namespace JwtAuthKit.AspNetCore.Http;

/// <summary>
/// The errors the HTTP layer itself reports (bodies, credentials, limits), each built here once with its code and
/// message; the services' own errors come from Core with theirs.
/// </summary>
internal static class HttpErrors
{
    public static JwtAuthKitError PayloadTooLarge { get; } = new(JwtAuthKitErrors.PayloadTooLarge, "The request body must be at most 64 KiB.");

    public static JwtAuthKitError UnsupportedMediaType { get; } = new(JwtAuthKitErrors.UnsupportedMediaType, "Send the request body as application/json.");

    public static JwtAuthKitError NotAJsonObject { get; } = new(JwtAuthKitErrors.ValidationFailed, "The request body must be a JSON object.");

    public static JwtAuthKitError MalformedJson { get; } = new(JwtAuthKitErrors.ValidationFailed, "The request body is not valid JSON for this endpoint.");

    public static JwtAuthKitError IncompleteBody { get; } = new(JwtAuthKitErrors.ValidationFailed, "The request body ended early or arrived too slowly.");

    public static JwtAuthKitError SignInFirst { get; } = new(JwtAuthKitErrors.Unauthorized, "Sign in first.");

    public static JwtAuthKitError AccessTokenRequired { get; } = new(JwtAuthKitErrors.Unauthorized, "A valid access token is required.");

    public static JwtAuthKitError CredentialRequired { get; } = new(JwtAuthKitErrors.Unauthorized, "Send a secret key or an access token.");

    public static JwtAuthKitError TokenOfAnotherApplication { get; } = new(JwtAuthKitErrors.Unauthorized, "The access token belongs to another application.");

    public static JwtAuthKitError SessionToEndRequired { get; } = new(JwtAuthKitErrors.Unauthorized, "Send the refresh token or the access token of the session to end.");

    public static JwtAuthKitError SessionEnded { get; } = new(JwtAuthKitErrors.SessionRevoked, "The session has ended; sign in again.");

    public static JwtAuthKitError TokenStale { get; } = new(JwtAuthKitErrors.TokenStale, "Your roles changed after this token was issued; refresh it to get the new ones.");

    public static JwtAuthKitError InvalidApiKey { get; } = new(JwtAuthKitErrors.InvalidApiKey, "The API key is unknown, revoked or malformed.");

    public static JwtAuthKitError PublishableKeyCannotAdminister { get; } = new(JwtAuthKitErrors.Forbidden, "A publishable key cannot administer; use a secret key on your server.");

    public static JwtAuthKitError Forbidden { get; } = new(JwtAuthKitErrors.Forbidden, "You may not do this.");

    public static JwtAuthKitError PlatformAccountNotUsable { get; } = new(JwtAuthKitErrors.Forbidden, "This dashboard account is disabled or its address is not verified yet.");

    public static JwtAuthKitError MfaEnrollmentRequired { get; } = new(JwtAuthKitErrors.MfaEnrollmentRequired,
        "Operators must set up an authenticator app first: POST /api/auth/mfa/totp/setup and /confirm with this token.");

    public static JwtAuthKitError PlatformApplicationNotFound { get; } = new(JwtAuthKitErrors.NotFound, "No such application.");

    public static JwtAuthKitError RoleTooLow(Platform.ApplicationMemberRole least) => new(JwtAuthKitErrors.Forbidden,
        $"This needs the {Platform.MemberRoles.Name(least)} role on the application.");

    public static JwtAuthKitError InvalidMemberRole { get; } = JwtAuthKitErrors.Validation("role", "must be 'viewer', 'admin' or 'owner'");

    public static JwtAuthKitError RateLimited(int seconds) =>
        new(JwtAuthKitErrors.RateLimited, $"Too many attempts; try again in {seconds} seconds.") { RetryAfter = TimeSpan.FromSeconds(seconds) };

    public static JwtAuthKitError InvalidSince { get; } = JwtAuthKitErrors.Validation("since", "must be an RFC 3339 time such as 2026-01-31T12:00:00Z");

    public static JwtAuthKitError InvalidKeyKind { get; } = JwtAuthKitErrors.Validation("kind", "must be 'publishable' or 'secret'");
}
