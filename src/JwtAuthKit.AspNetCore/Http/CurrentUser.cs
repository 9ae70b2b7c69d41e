using System.Reflection;
using JwtAuthKit.Applications;
using JwtAuthKit.AspNetCore.Authentication;
using JwtAuthKit.Tokens;
using Microsoft.AspNetCore.Http;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>The user and session of a request authenticated with a JwtAuthKit access token.</summary>
internal sealed class CurrentUser : IRequestBinding
{
    private CurrentUser(Application? application, string userId, string sessionId, JwtAuthKitError? error)
    {
        Application = application!;
        UserId = userId;
        SessionId = sessionId;
        BindingError = error;
    }

    public Application Application { get; }

    public string UserId { get; }

    public string SessionId { get; }

    public JwtAuthKitError? BindingError { get; }

    public static ValueTask<CurrentUser> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        _ = parameter;
        var application = JwtAuthKitAuthenticationHandler.GetApplication(context);
        var userId = context.User.FindFirst(AccessTokenClaims.Subject)?.Value;
        var sessionId = context.User.FindFirst(AccessTokenClaims.SessionId)?.Value;
        return ValueTask.FromResult(application is null || userId is null || sessionId is null
            ? new CurrentUser(null, "", "", new JwtAuthKitError(JwtAuthKitErrors.Unauthorized, "Sign in first."))
            : new CurrentUser(application, userId, sessionId, null));
    }
}
