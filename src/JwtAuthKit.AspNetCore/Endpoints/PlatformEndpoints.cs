using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static JwtAuthKit.JwtAuthKitErrors;

namespace JwtAuthKit.AspNetCore.Endpoints;

/// <summary>The table of platform routes; all but sign-in, sign-up and the invitation links need a dashboard account's access token.</summary>
internal static class PlatformEndpoints
{
    public static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints, string prefix)
    {
        var group = endpoints.MapGroup(prefix).WithTags("Platform").WithGroupName(JwtAuthKitOpenApi.DocumentName).WithMetadata(SecurityHeaders.Api);
        group.AddEndpointFilter<RequestBindingFilter>();

        group.MapPost("/login", PlatformHandlers.LoginAsync).WithRateLimit(RateLimitKind.SignIn).AllowAnonymous()
            .WithSummary("Sign a dashboard account (operator or member) in").ProducesProblems(InvalidCredentials, AccountDisabled);
        group.MapPost("/login/mfa", PlatformHandlers.LoginMfaAsync).WithRateLimit(RateLimitKind.Mfa).AllowAnonymous()
            .WithSummary("Finish an operator's sign-in with an authenticator or recovery code").ProducesProblems(InvalidMfaToken, InvalidMfaCode, AccountDisabled, ValidationFailed);

        group.MapPost("/signup", PlatformHandlers.SignUpAsync).WithRateLimit(RateLimitKind.SignUp).AllowAnonymous()
            .WithSummary("Create a dashboard account (when JwtAuthKit:Dashboard:SignupEnabled); its address is verified by email before first use")
            .ProducesProblems(SignupDisabled, InvalidEmail, WeakPassword, ValidationFailed);
        group.MapPost("/invitations/lookup", PlatformHandlers.LookupInvitationAsync).WithRateLimit(RateLimitKind.Verification).AllowAnonymous()
            .WithSummary("Read what an invitation link offers (application, role, inviter, whether an account has the address)").ProducesProblems(InvalidToken);
        group.MapPost("/invitations/accept-new", PlatformHandlers.AcceptInvitationWithNewAccountAsync).WithRateLimit(RateLimitKind.Verification).AllowAnonymous()
            .WithSummary("Accept an invitation with a new account for the invited address (verified by the invitation)")
            .ProducesProblems(InvalidToken, WeakPassword, ValidationFailed, EmailTaken);

        // Every other route needs a dashboard account's access token; what it may do on an application is its role there,
        // checked by the handler on every request (viewer reads, admin changes keys and settings, owner deletes and manages members).
        var accounts = group.MapGroup("").RequireAuthorization(JwtAuthKitPolicies.PlatformAccount)
            .WithMetadata(new CredentialMetadata([JwtAuthKitOpenApi.AccessTokenScheme]), new ProblemCodesMetadata([Unauthorized, SessionRevoked, Forbidden, MfaEnrollmentRequired]));
        accounts.MapPost("/invitations/accept", PlatformHandlers.AcceptInvitationAsync).WithRateLimit(RateLimitKind.Verification)
            .WithSummary("Accept an invitation with the signed-in account (its verified address must be the invited one)").ProducesProblems(InvalidToken);
        accounts.MapGet("/apps", PlatformHandlers.ListAsync)
            .WithSummary("List the caller's applications (every one for an operator)");
        accounts.MapPost("/apps", PlatformHandlers.CreateAsync)
            .WithSummary("Create an application and its first keys (shown once), with the caller as owner").ProducesProblems(Conflict, ValidationFailed);
        accounts.MapGet("/apps/{id}", PlatformHandlers.GetAsync)
            .WithSummary("Read an application with its settings (viewer)").ProducesProblems(NotFound);
        accounts.MapPatch("/apps/{id}", PlatformHandlers.UpdateAsync)
            .WithSummary("Rename an application or change its settings (admin)").ProducesProblems(NotFound, Conflict, ValidationFailed);
        accounts.MapDelete("/apps/{id}", PlatformHandlers.DeleteAsync)
            .WithSummary("Delete an application and everything it holds (owner)").ProducesProblems(NotFound);
        accounts.MapGet("/apps/{id}/keys", PlatformHandlers.ListKeysAsync)
            .WithSummary("List an application's keys without their values (viewer)").ProducesProblems(NotFound);
        accounts.MapPost("/apps/{id}/keys", PlatformHandlers.CreateKeyAsync)
            .WithSummary("Create a key; its value is shown once (admin)").ProducesProblems(NotFound, Conflict);
        accounts.MapDelete("/apps/{id}/keys/{keyId}", PlatformHandlers.RevokeKeyAsync)
            .WithSummary("Revoke a key (admin)").ProducesProblems(NotFound);
        accounts.MapGet("/apps/{id}/members", PlatformHandlers.ListMembersAsync)
            .WithSummary("List an application's members and pending invitations (viewer)").ProducesProblems(NotFound);
        accounts.MapPost("/apps/{id}/members", PlatformHandlers.InviteAsync).WithRateLimit(RateLimitKind.EmailSending)
            .WithSummary("Invite an address by email with a role (owner)").ProducesProblems(NotFound, InvalidEmail, ValidationFailed, Conflict);
        accounts.MapPatch("/apps/{id}/members/{accountId}", PlatformHandlers.ChangeMemberRoleAsync)
            .WithSummary("Change a member's role (owner; the last owner stays owner)").ProducesProblems(NotFound, ValidationFailed, LastOwner);
        accounts.MapDelete("/apps/{id}/members/{accountId}", PlatformHandlers.RemoveMemberAsync)
            .WithSummary("Remove a member (owner; not the last owner)").ProducesProblems(NotFound, LastOwner);
        accounts.MapDelete("/apps/{id}/invitations/{invitationId}", PlatformHandlers.RevokeInvitationAsync)
            .WithSummary("Revoke a pending invitation (owner)").ProducesProblems(NotFound);
        return group;
    }
}
