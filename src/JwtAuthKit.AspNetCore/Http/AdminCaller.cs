using System.Reflection;
using JwtAuthKit.Administration;
using JwtAuthKit.AspNetCore.Authentication;
using JwtAuthKit.AspNetCore.Authorization;
using JwtAuthKit.AspNetCore.Endpoints;
using JwtAuthKit.Roles;
using JwtAuthKit.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>
/// The caller of an admin endpoint, after authorization passed: the application it administers (that of its
/// secret key or access token) and how it appears in the audit log.
/// </summary>
internal sealed class AdminCaller : IRequestBinding
{
    private AdminCaller(AdminActor? actor, JwtAuthKitError? error)
    {
        Actor = actor!;
        BindingError = error;
    }

    public AdminActor Actor { get; }

    public JwtAuthKitError? BindingError { get; }

    public static async ValueTask<AdminCaller> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        _ = parameter;
        var application = JwtAuthKitAuthenticationHandler.GetApplication(context);
        if (application is null)
        {
            return new AdminCaller(null, new JwtAuthKitError(JwtAuthKitErrors.Unauthorized, "Send a secret key or an access token."));
        }

        var client = SignInHandlers.Client(context);
        if (context.User.FindFirst(JwtAuthKitClaimTypes.ApiKey)?.Value is { } prefix)
        {
            var held = context.User.FindAll(JwtAuthKitClaimTypes.Permission).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
            return new AdminCaller(new AdminActor(application, "key:" + prefix, held, client), null);
        }

        var userId = context.User.FindFirst(AccessTokenClaims.Subject)?.Value ?? "";
        var roles = context.User.FindAll(AccessTokenClaims.Roles).Select(c => c.Value);
        var permissions = await context.RequestServices.GetRequiredService<PermissionResolver>().ResolveAsync(application.Id, roles, context.RequestAborted);
        return new AdminCaller(new AdminActor(application, "user:" + userId, permissions, client), null);
    }
}
