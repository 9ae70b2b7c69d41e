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

    public static async ValueTask<CurrentUser> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var application = JwtAuthKitAuthenticationHandler.GetApplication(context);
        var userId = context.User.FindFirst(AccessTokenClaims.Subject)?.Value;
        var sessionId = context.User.FindFirst(AccessTokenClaims.SessionId)?.Value;
        if (application is null || userId is null || sessionId is null)
        {
            return new CurrentUser(null, "", "", new JwtAuthKitError(JwtAuthKitErrors.Unauthorized, "Sign in first."));
        }

        // A client that names its application must present that application's token: a token of another one is
        // refused rather than quietly served as the other application.
        var named = await OptionalApplication.BindAsync(context, parameter);
        if (named.BindingError is { } keyError)
        {
            return new CurrentUser(null, "", "", keyError);
        }

        return named.Application is { } expected && expected.Id != application.Id
            ? new CurrentUser(null, "", "", new JwtAuthKitError(JwtAuthKitErrors.Unauthorized, "The access token belongs to another application."))
            : new CurrentUser(application, userId, sessionId, null);
    }
}
