using JwtAuthKit.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace JwtAuthKit.AspNetCore.Endpoints;

/// <summary>The table of end-user routes; each points at a named handler.</summary>
internal static class AuthEndpoints
{
    public static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints, string prefix)
    {
        var group = endpoints.MapGroup(prefix).WithTags("JwtAuthKit: auth");
        group.AddEndpointFilter<RequestBindingFilter>();

        group.MapPost("/register", SignInHandlers.RegisterAsync).AddEndpointFilter<CredentialRateLimitFilter>().AllowAnonymous();
        group.MapPost("/login", SignInHandlers.LoginAsync).AddEndpointFilter<CredentialRateLimitFilter>().AllowAnonymous();
        group.MapPost("/token/refresh", SignInHandlers.RefreshAsync).AllowAnonymous();
        group.MapPost("/logout", SignInHandlers.LogoutAsync).AllowAnonymous();

        group.MapGet("/me", ProfileHandlers.GetAsync).RequireAuthorization(JwtAuthKitPolicies.SignedIn);
        group.MapPatch("/me", ProfileHandlers.UpdateAsync).RequireAuthorization(JwtAuthKitPolicies.SignedIn);
        group.MapPost("/password/change", ProfileHandlers.ChangePasswordAsync).AddEndpointFilter<CredentialRateLimitFilter>().RequireAuthorization(JwtAuthKitPolicies.SignedIn);

        group.MapPost("/password/forgot", EmailFlowHandlers.ForgotPasswordAsync).AddEndpointFilter<CredentialRateLimitFilter>().AllowAnonymous();
        group.MapPost("/password/reset", EmailFlowHandlers.ResetPasswordAsync).AddEndpointFilter<CredentialRateLimitFilter>().AllowAnonymous();
        group.MapPost("/email/verify", EmailFlowHandlers.VerifyEmailAsync).AllowAnonymous();
        group.MapPost("/email/resend", EmailFlowHandlers.ResendVerificationAsync).AddEndpointFilter<CredentialRateLimitFilter>().AllowAnonymous();
        group.MapPost("/magic-link", EmailFlowHandlers.RequestMagicLinkAsync).AddEndpointFilter<CredentialRateLimitFilter>().AllowAnonymous();
        group.MapPost("/magic-link/verify", EmailFlowHandlers.VerifyMagicLinkAsync).AddEndpointFilter<CredentialRateLimitFilter>().AllowAnonymous();
        group.MapPost("/otp", EmailFlowHandlers.RequestCodeAsync).AddEndpointFilter<CredentialRateLimitFilter>().AllowAnonymous();
        group.MapPost("/otp/verify", EmailFlowHandlers.VerifyCodeAsync).AddEndpointFilter<CredentialRateLimitFilter>().AllowAnonymous();

        group.MapGet("/sessions", SessionHandlers.ListAsync).RequireAuthorization(JwtAuthKitPolicies.SignedIn);
        group.MapDelete("/sessions/{id}", SessionHandlers.EndAsync).RequireAuthorization(JwtAuthKitPolicies.SignedIn);
        return group;
    }
}
