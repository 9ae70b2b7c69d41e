using JwtAuthKit.Administration;
using JwtAuthKit.Applications;
using JwtAuthKit.AspNetCore.Contracts;
using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.Platform;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JwtAuthKit.AspNetCore.Endpoints;

/// <summary>The dashboard accounts' API (<c>/api/platform</c>): sign-in, sign-up, invitations, applications, their keys and members.</summary>
internal static class PlatformHandlers
{
    public static async Task<Results<Ok<AuthResponse>, Ok<MfaRequiredResponse>, ProblemHttpResult>> LoginAsync(
        JsonBody<LoginRequest> body, RequestClient client, IOperatorAccountService operators, CancellationToken cancellationToken) =>
        SignInHandlers.Answer(await operators.SignInAsync(body.Value.Email, body.Value.Password, client.Info, cancellationToken));

    public static async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> LoginMfaAsync(
        JsonBody<MfaLoginRequest> body, RequestClient client, IOperatorAccountService operators, CancellationToken cancellationToken) =>
        SignInHandlers.Answer(await operators.CompleteMfaAsync(body.Value.MfaToken, body.Value.Code, body.Value.RecoveryCode, client.Info, cancellationToken));

    public static async Task<Results<Accepted, ProblemHttpResult>> SignUpAsync(
        JsonBody<LoginRequest> body, RequestClient client, IDashboardAccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.SignUpAsync(body.Value.Email, body.Value.Password, client.Info, cancellationToken);
        return result.Succeeded ? TypedResults.Accepted((string?)null) : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<InvitationPreviewResponse>, ProblemHttpResult>> LookupInvitationAsync(
        JsonBody<InvitationTokenRequest> body, IApplicationMemberService members, CancellationToken cancellationToken)
    {
        var result = await members.GetInvitationAsync(body.Value.Token, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(new InvitationPreviewResponse
            {
                Invitation = InvitationResponse.From(result.Value.Invitation),
                ApplicationName = result.Value.ApplicationName,
                InvitedBy = result.Value.InvitedBy,
                AccountExists = result.Value.AccountExists,
            })
            : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> AcceptInvitationAsync(
        JsonBody<InvitationTokenRequest> body, HttpContext http, RequestClient client, IApplicationMemberService members, CancellationToken cancellationToken)
    {
        // Only an account of the platform application accepts; its verified address must be the invited one.
        var accountId = http.User.FindFirst(Tokens.AccessTokenClaims.Subject)?.Value ?? "";
        return Member(await members.AcceptInvitationAsync(accountId, body.Value.Token, client.Info, cancellationToken));
    }

    public static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> AcceptInvitationWithNewAccountAsync(
        JsonBody<InvitationTokenRequest> body, RequestClient client, IDashboardAccountService accounts, CancellationToken cancellationToken) =>
        Member(await accounts.CreateAccountFromInvitationAsync(body.Value.Token, body.Value.Password, client.Info, cancellationToken));

    public static async Task<Ok<IReadOnlyList<ApplicationResponse>>> ListAsync(PlatformCaller caller, IPlatformAccessService access, CancellationToken cancellationToken)
    {
        var list = await access.ListApplicationsAsync(caller.Actor, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ApplicationResponse>>([.. list.Select(a => ApplicationResponse.From(a, withSettings: false))]);
    }

    public static async Task<Results<Created<ApplicationResponse>, ProblemHttpResult>> CreateAsync(
        JsonBody<ApplicationRequest> body, PlatformCaller caller, IDashboardAccountService accounts, IApplicationAdministrationService apps, HttpContext http, CancellationToken cancellationToken)
    {
        ApplicationSettings? settings = null;
        if (body.Value.Settings is { } patch)
        {
            var merged = SettingsJson.Merge(new ApplicationSettings(), patch);
            if (!merged.Succeeded)
            {
                return merged.Error.ToProblem();
            }

            settings = merged.Value;
        }

        var created = await accounts.CreateApplicationAsync(caller.Actor, body.Value.Name, settings, cancellationToken);
        if (!created.Succeeded)
        {
            return created.Error.ToProblem();
        }

        var (application, publishableKey, secretKey) = created.Value;
        var keys = (await apps.ListKeysAsync(application.Id, cancellationToken)).Value ?? [];
        var shown = keys.Select(k => ApiKeyResponse.From(k, k.Kind == ApiKeyKind.Secret ? secretKey : publishableKey)).ToList();
        return TypedResults.Created($"{http.Request.PathBase}{http.Request.Path.Value?.TrimEnd('/')}/{application.Id}", ApplicationResponse.From(application, withSettings: true, shown));
    }

    public static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> GetAsync(
        string id, PlatformCaller caller, IPlatformAccessService access, IApplicationAdministrationService apps, CancellationToken cancellationToken)
    {
        var acting = await ActOnAsync(caller, id, ApplicationMemberRole.Viewer, access, apps, cancellationToken);
        return acting.Succeeded ? TypedResults.Ok(ApplicationResponse.From(acting.Value.Application, withSettings: true)) : acting.Error.ToProblem();
    }

    public static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> UpdateAsync(
        string id, JsonBody<ApplicationRequest> body, PlatformCaller caller, IPlatformAccessService access, IApplicationAdministrationService apps, CancellationToken cancellationToken)
    {
        var acting = await ActOnAsync(caller, id, ApplicationMemberRole.Admin, access, apps, cancellationToken);
        if (!acting.Succeeded)
        {
            return acting.Error.ToProblem();
        }

        var patch = body.Value.Settings;
        return Answer(await apps.UpdateAsync(acting.Value, body.Value.Name,
            patch is null ? null : current => SettingsJson.Merge(current, patch), cancellationToken));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, PlatformCaller caller, IPlatformAccessService access, IApplicationAdministrationService apps, CancellationToken cancellationToken)
    {
        var acting = await ActOnAsync(caller, id, ApplicationMemberRole.Owner, access, apps, cancellationToken);
        if (!acting.Succeeded)
        {
            return acting.Error.ToProblem();
        }

        var result = await apps.DeleteAsync(id, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<IReadOnlyList<ApiKeyResponse>>, ProblemHttpResult>> ListKeysAsync(
        string id, PlatformCaller caller, IPlatformAccessService access, IApplicationAdministrationService apps, CancellationToken cancellationToken)
    {
        var acting = await ActOnAsync(caller, id, ApplicationMemberRole.Viewer, access, apps, cancellationToken);
        if (!acting.Succeeded)
        {
            return acting.Error.ToProblem();
        }

        var keys = await apps.ListKeysAsync(id, cancellationToken);
        return keys.Succeeded ? TypedResults.Ok<IReadOnlyList<ApiKeyResponse>>([.. keys.Value.Select(k => ApiKeyResponse.From(k))]) : keys.Error.ToProblem();
    }

    public static async Task<Results<Created<ApiKeyResponse>, ProblemHttpResult>> CreateKeyAsync(
        string id, JsonBody<CreateKeyRequest> body, PlatformCaller caller, IPlatformAccessService access, IApplicationAdministrationService apps, CancellationToken cancellationToken)
    {
        var acting = await ActOnAsync(caller, id, ApplicationMemberRole.Admin, access, apps, cancellationToken);
        if (!acting.Succeeded)
        {
            return acting.Error.ToProblem();
        }

        ApiKeyKind? kind = body.Value.Kind switch { "publishable" => ApiKeyKind.Publishable, "secret" => ApiKeyKind.Secret, _ => null };
        if (kind is null)
        {
            return HttpErrors.InvalidKeyKind.ToProblem();
        }

        var created = await apps.CreateKeyAsync(acting.Value, kind.Value, body.Value.Name, cancellationToken);
        return created.Succeeded
            ? TypedResults.Created((string?)null, ApiKeyResponse.From(created.Value.Key, created.Value.Value))
            : created.Error.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeKeyAsync(
        string id, string keyId, PlatformCaller caller, IPlatformAccessService access, IApplicationAdministrationService apps, CancellationToken cancellationToken)
    {
        var acting = await ActOnAsync(caller, id, ApplicationMemberRole.Admin, access, apps, cancellationToken);
        if (!acting.Succeeded)
        {
            return acting.Error.ToProblem();
        }

        var revoked = await apps.RevokeKeyAsync(acting.Value, keyId, cancellationToken);
        return revoked.Succeeded ? TypedResults.NoContent() : revoked.Error.ToProblem();
    }

    public static async Task<Results<Ok<MembersResponse>, ProblemHttpResult>> ListMembersAsync(
        string id, PlatformCaller caller, IApplicationMemberService members, CancellationToken cancellationToken)
    {
        var list = await members.ListAsync(caller.Actor, id, cancellationToken);
        if (!list.Succeeded)
        {
            return list.Error.ToProblem();
        }

        var invitations = await members.ListInvitationsAsync(caller.Actor, id, cancellationToken);
        return invitations.Succeeded
            ? TypedResults.Ok(new MembersResponse { Members = [.. list.Value.Select(MemberResponse.From)], Invitations = [.. invitations.Value.Select(InvitationResponse.From)] })
            : invitations.Error.ToProblem();
    }

    public static async Task<Results<Created<InvitationResponse>, ProblemHttpResult>> InviteAsync(
        string id, JsonBody<InviteMemberRequest> body, PlatformCaller caller, IApplicationMemberService members, CancellationToken cancellationToken)
    {
        if (MemberRoles.Parse(body.Value.Role) is not { } role)
        {
            return HttpErrors.InvalidMemberRole.ToProblem();
        }

        var invited = await members.InviteAsync(caller.Actor, id, body.Value.Email, role, cancellationToken);
        return invited.Succeeded ? TypedResults.Created((string?)null, InvitationResponse.From(invited.Value)) : invited.Error.ToProblem();
    }

    public static async Task<Results<Ok<MemberResponse>, ProblemHttpResult>> ChangeMemberRoleAsync(
        string id, string accountId, JsonBody<MemberRoleRequest> body, PlatformCaller caller, IApplicationMemberService members, CancellationToken cancellationToken) =>
        MemberRoles.Parse(body.Value.Role) is { } role
            ? Member(await members.ChangeRoleAsync(caller.Actor, id, accountId, role, cancellationToken))
            : HttpErrors.InvalidMemberRole.ToProblem();

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveMemberAsync(
        string id, string accountId, PlatformCaller caller, IApplicationMemberService members, CancellationToken cancellationToken)
    {
        var removed = await members.RemoveAsync(caller.Actor, id, accountId, cancellationToken);
        return removed.Succeeded ? TypedResults.NoContent() : removed.Error.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeInvitationAsync(
        string id, string invitationId, PlatformCaller caller, IApplicationMemberService members, CancellationToken cancellationToken)
    {
        var revoked = await members.RevokeInvitationAsync(caller.Actor, id, invitationId, cancellationToken);
        return revoked.Succeeded ? TypedResults.NoContent() : revoked.Error.ToProblem();
    }

    /// <summary>
    /// The admin actor for the caller on an application when its role there is at least <paramref name="least"/>:
    /// <c>not_found</c> for an application it is no member of (its existence is not told), <c>forbidden</c> for too low a role.
    /// </summary>
    private static async Task<Result<AdminActor>> ActOnAsync(PlatformCaller caller, string id, ApplicationMemberRole least, IPlatformAccessService access, IApplicationAdministrationService apps, CancellationToken cancellationToken)
    {
        if (await access.GetRoleAsync(caller.Actor, id, cancellationToken) is not { } role)
        {
            return HttpErrors.PlatformApplicationNotFound;
        }

        if (role < least)
        {
            return HttpErrors.RoleTooLow(least);
        }

        var found = await apps.GetAsync(id, cancellationToken);
        return found.Succeeded ? caller.Actor.ForApplication(found.Value, role) : found.Error;
    }

    private static Results<Ok<MemberResponse>, ProblemHttpResult> Member(Result<ApplicationMember> result) =>
        result.Succeeded ? TypedResults.Ok(MemberResponse.From(result.Value)) : result.Error.ToProblem();

    private static Results<Ok<ApplicationResponse>, ProblemHttpResult> Answer(Result<Application> result) =>
        result.Succeeded ? TypedResults.Ok(ApplicationResponse.From(result.Value, withSettings: true)) : result.Error.ToProblem();
}
