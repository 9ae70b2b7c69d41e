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
    AccessTokenValidator validator)
    : AuthenticationHandler<JwtAuthKitAuthenticationOptions>(options, loggerFactory, encoder)
{
    private static readonly object ApplicationKey = new();
    private static readonly object FailureKey = new();

    public static Application? GetApplication(HttpContext context) =>
        context.Items.TryGetValue(ApplicationKey, out var value) ? value as Application : null;

    public static string? GetFailureCode(HttpContext context) =>
        context.Items.TryGetValue(FailureKey, out var value) ? value as string : null;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        if (token.StartsWith("sk_", StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult(); // A secret API key, not a user token.
        }

        var result = await validator.ValidateAsync(token, Scheme.Name, Context.RequestAborted);
        if (!result.IsValid)
        {
            Context.Items[FailureKey] = result.ErrorCode;
            LogRefused(Logger, result.FailureReason);
            return AuthenticateResult.Fail(result.ErrorCode == JwtAuthKitErrors.SessionRevoked ? "The session has ended." : "The access token is invalid.");
        }

        Context.Items[ApplicationKey] = result.Application;
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(result.Identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var code = Context.Items.TryGetValue(FailureKey, out var value) && value is string failure ? failure : JwtAuthKitErrors.Unauthorized;
        Response.StatusCode = StatusCodes.Status401Unauthorized;

        // RFC 6750 §3: tell the client how to authenticate, and that a presented token was refused.
        Response.Headers[HeaderNames.WWWAuthenticate] = Context.Items.ContainsKey(FailureKey) ? "Bearer error=\"invalid_token\"" : "Bearer";
        var message = code == JwtAuthKitErrors.SessionRevoked ? "The session has ended; sign in again." : "A valid access token is required.";
        await ProblemResults.WriteAsync(Context, new JwtAuthKitError(code, message));
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await ProblemResults.WriteAsync(Context, new JwtAuthKitError(JwtAuthKitErrors.Forbidden, "You may not do this."));
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Access token refused: {Reason}.")]
    private static partial void LogRefused(ILogger logger, string reason);
}
