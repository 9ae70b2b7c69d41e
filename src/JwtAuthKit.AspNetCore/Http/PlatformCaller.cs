using System.Reflection;
using JwtAuthKit.AspNetCore.OpenApi;
using JwtAuthKit.Platform;
using JwtAuthKit.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>
/// The dashboard account calling <c>/api/platform</c>, resolved from its access token on every request
/// (<see cref="IPlatformAccessService.ResolveAsync"/>): a disabled or unverified account gets 403 <c>forbidden</c>, an
/// operator who must set up MFA first 403 <c>mfa_enrollment_required</c>.
/// </summary>
internal sealed class PlatformCaller : IRequestBinding, IEndpointParameterMetadataProvider
{
    private PlatformCaller(PlatformActor? actor, JwtAuthKitError? error)
    {
        Actor = actor!;
        BindingError = error;
    }

    public PlatformActor Actor { get; }

    public JwtAuthKitError? BindingError { get; }

    public static async ValueTask<PlatformCaller> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        _ = parameter;
        if (context.User.FindFirst(AccessTokenClaims.Subject)?.Value is not { } accountId)
        {
            return new PlatformCaller(null, HttpErrors.SignInFirst);
        }

        var access = context.RequestServices.GetRequiredService<IPlatformAccessService>();
        var actor = await access.ResolveAsync(accountId, RequestClient.From(context), context.RequestAborted);
        return actor switch
        {
            null => new PlatformCaller(null, HttpErrors.PlatformAccountNotUsable),
            { MfaEnrollmentRequired: true } => new PlatformCaller(null, HttpErrors.MfaEnrollmentRequired),
            _ => new PlatformCaller(actor, null),
        };
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        BindingMetadata.Add(builder, [JwtAuthKitErrors.Unauthorized, JwtAuthKitErrors.SessionRevoked, JwtAuthKitErrors.Forbidden, JwtAuthKitErrors.MfaEnrollmentRequired],
            JwtAuthKitOpenApi.AccessTokenScheme);
}
