using System.Reflection;
using JwtAuthKit.Administration;
using JwtAuthKit.AspNetCore.Authentication;
using JwtAuthKit.AspNetCore.Authorization;
using JwtAuthKit.AspNetCore.OpenApi;
using JwtAuthKit.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>
/// The caller of an admin endpoint, built from what authentication and authorization established: the application it
/// administers (that of its secret key or access token), its permissions (resolved once, by the authorization handler)
/// and how it appears in the audit log.
/// </summary>
internal sealed class AdminCaller : IRequestBinding, IEndpointParameterMetadataProvider
{
    private AdminCaller(AdminActor? actor, JwtAuthKitError? error)
    {
        Actor = actor!;
        BindingError = error;
    }

    public AdminActor Actor { get; }

    public JwtAuthKitError? BindingError { get; }

    public static ValueTask<AdminCaller> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        _ = parameter;
        var application = JwtAuthKitAuthenticationHandler.GetApplication(context);
        if (application is null)
        {
            return ValueTask.FromResult(new AdminCaller(null, HttpErrors.CredentialRequired));
        }

        var client = RequestClient.From(context);
        if (context.User.FindFirst(JwtAuthKitClaimTypes.ApiKey)?.Value is { } prefix
            && context.User.HasClaim(JwtAuthKitClaimTypes.ApiKeyKind, "secret"))
        {
            return ValueTask.FromResult(new AdminCaller(AdminActor.ForSecretKey(application, prefix, client), null));
        }

        var userId = context.User.FindFirst(AccessTokenClaims.Subject)?.Value;
        return ValueTask.FromResult(userId is not null && PermissionAuthorizationHandler.GrantedPermissions(context) is { } permissions
            ? new AdminCaller(AdminActor.ForUser(application, userId, permissions, client), null)
            : new AdminCaller(null, HttpErrors.Forbidden));
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        BindingMetadata.Add(builder, [JwtAuthKitErrors.Unauthorized, JwtAuthKitErrors.SessionRevoked, JwtAuthKitErrors.InvalidApiKey, JwtAuthKitErrors.Forbidden],
            JwtAuthKitOpenApi.SecretKeyScheme, JwtAuthKitOpenApi.AccessTokenScheme);
}
