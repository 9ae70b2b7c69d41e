using System.Security.Claims;
using System.Text.Encodings.Web;
using JwtAuthKit.Applications;
using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace JwtAuthKit.AspNetCore.Authentication;

/// <summary>
/// Authenticates <c>Authorization: Bearer</c> requests with JwtAuthKit access tokens, so <c>[Authorize]</c>,
/// <c>RequireAuthorization()</c> and <c>RequireRole()</c> work with them. Tokens of revoked sessions are refused
/// (401 <c>session_revoked</c>) without a database call.
/// </summary>
internal sealed partial class JwtAuthKitAuthenticationHandler(
    IOptionsMonitor<JwtAuthKitAuthenticationOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IAccessTokenValidator validator)
    : AuthenticationHandler<JwtAuthKitAuthenticationOptions>(options, loggerFactory, encoder)
{
    private static readonly object ApplicationKey = new();
    private static readonly object FailureKey = new();

    public static Application? GetApplication(HttpContext context) =>
        context.Items.TryGetValue(ApplicationKey, out var value) ? value as Application : null;

    internal static void SetApplication(HttpContext context, Application application) => context.Items[ApplicationKey] = application;

    /// <summary>Whether the request presents an API key as its bearer credential (the API-key scheme's business).</summary>
    internal static bool PresentsApiKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var credential = header.AsSpan("Bearer ".Length).TrimStart();
        return credential.StartsWith(ApiKeyPrefixes.Secret, StringComparison.Ordinal) || credential.StartsWith(ApiKeyPrefixes.Publishable, StringComparison.Ordinal);
    }

    public static string? GetFailureCode(HttpContext context) =>
        context.Items.TryGetValue(FailureKey, out var value) ? value as string : null;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        if (PresentsApiKey(Request))
        {
            return AuthenticateResult.NoResult(); // An API key, not a user token: the API-key scheme's business.
        }

        var token = header["Bearer ".Length..].Trim();

        var result = await validator.ValidateAsync(token, Scheme.Name, Context.RequestAborted);
        if (!result.IsValid)
        {
            Context.Items[FailureKey] = result.ErrorCode;
            LogRefused(Logger, result.FailureReason);
            return AuthenticateResult.Fail(result.ErrorCode switch
            {
                JwtAuthKitErrors.SessionRevoked => "The session has ended.",
                JwtAuthKitErrors.TokenStale => "The user's roles changed after the token was issued.",
                _ => "The access token is invalid.",
            });
        }

        Context.Items[ApplicationKey] = result.Application;
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(result.Identity), Scheme.Name));
    }

    internal static void SetFailureCode(HttpContext context, string code) => context.Items[FailureKey] = code;

    // This scheme writes every challenge and forbidden answer, also for the API-key scheme (whose own are silent),
    // so a policy naming both schemes writes one problem body.
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var code = Context.Items.TryGetValue(FailureKey, out var value) && value is string failure ? failure : JwtAuthKitErrors.Unauthorized;
        Response.StatusCode = StatusCodes.Status401Unauthorized;

        // RFC 6750 §3: tell the client how to authenticate, and that a presented token was refused.
        Response.Headers[HeaderNames.WWWAuthenticate] = Context.Items.ContainsKey(FailureKey) ? "Bearer error=\"invalid_token\"" : "Bearer";
        var error = code switch
        {
            JwtAuthKitErrors.SessionRevoked => HttpErrors.SessionEnded,
            JwtAuthKitErrors.TokenStale => HttpErrors.TokenStale,
            JwtAuthKitErrors.InvalidApiKey => HttpErrors.InvalidApiKey,
            _ => HttpErrors.AccessTokenRequired,
        };
        await ProblemResults.WriteAsync(Context, error);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await ProblemResults.WriteAsync(Context, Context.User.HasClaim(Authorization.JwtAuthKitClaimTypes.ApiKeyKind, "publishable")
            ? HttpErrors.PublishableKeyCannotAdminister
            : HttpErrors.Forbidden);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Access token refused: {Reason}.")]
    private static partial void LogRefused(ILogger logger, string reason);
}
