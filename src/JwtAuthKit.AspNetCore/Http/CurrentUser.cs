using System.Reflection;
using JwtAuthKit.AspNetCore.Authentication;
using JwtAuthKit.AspNetCore.OpenApi;
using JwtAuthKit.Sessions;
using JwtAuthKit.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>The user and session of a request authenticated with a JwtAuthKit access token.</summary>
internal sealed class CurrentUser : IRequestBinding, IEndpointParameterMetadataProvider
{
    private CurrentUser(SignedInUser? user, JwtAuthKitError? error)
    {
        User = user!;
        BindingError = error;
    }

    public SignedInUser User { get; }

    public JwtAuthKitError? BindingError { get; }

    public static async ValueTask<CurrentUser> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        _ = parameter;
        var application = JwtAuthKitAuthenticationHandler.GetApplication(context);
        var userId = context.User.FindFirst(AccessTokenClaims.Subject)?.Value;
        var sessionId = context.User.FindFirst(AccessTokenClaims.SessionId)?.Value;
        if (application is null || userId is null || sessionId is null)
        {
            return new CurrentUser(null, HttpErrors.SignInFirst);
        }

        // A client that names its application must present that application's token: a token of another one is
        // refused rather than quietly served as the other application.
        var named = await RequestApplication.ResolveAsync(context, required: false);
        if (!named.Succeeded)
        {
            return new CurrentUser(null, named.Error);
        }

        return named.Value is { } expected && expected.Id != application.Id
            ? new CurrentUser(null, HttpErrors.TokenOfAnotherApplication)
            : new CurrentUser(new SignedInUser(application, userId, sessionId), null);
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        BindingMetadata.Add(builder, [JwtAuthKitErrors.Unauthorized, JwtAuthKitErrors.SessionRevoked, JwtAuthKitErrors.InvalidApiKey], JwtAuthKitOpenApi.AccessTokenScheme);
}
