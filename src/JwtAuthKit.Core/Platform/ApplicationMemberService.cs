using JwtAuthKit.Audit;
using JwtAuthKit.Email;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;

namespace JwtAuthKit.Platform;

internal sealed class ApplicationMemberService(
    PlatformAccessService access,
    IApplicationMemberStore members,
    InvitationMailer mailer,
    InvitationRedeemer redeemer,
    EmailOutboxSignal outbox,
    IEmailOutboxStore sent,
    AuditLog audit,
    TimeProvider time) : IApplicationMemberService
{
    private const int MaxIdLength = 64;

    public async Task<Result<IReadOnlyList<ApplicationMember>>> ListAsync(PlatformActor actor, string applicationId, CancellationToken cancellationToken)
    {
        var allowed = await access.RequireAsync(actor, applicationId, ApplicationMemberRole.Viewer, cancellationToken);
        return allowed.Succeeded ? Result<IReadOnlyList<ApplicationMember>>.Success(await members.ListAsync(applicationId, cancellationToken)) : allowed.Error;
    }

    public async Task<Result<IReadOnlyList<PendingInvitation>>> ListInvitationsAsync(PlatformActor actor, string applicationId, CancellationToken cancellationToken)
    {
        var allowed = await access.RequireAsync(actor, applicationId, ApplicationMemberRole.Viewer, cancellationToken);
        if (!allowed.Succeeded)
        {
            return allowed.Error;
        }

        var pending = await members.ListPendingInvitationsAsync(applicationId, time.GetUtcNow(), cancellationToken);
        return Result<IReadOnlyList<PendingInvitation>>.Success([.. pending.Select(i => i.ToPending())]);
    }

    public async Task<Result<PendingInvitation>> InviteAsync(PlatformActor actor, string applicationId, string? email, ApplicationMemberRole role, CancellationToken cancellationToken)
    {
        var allowed = await access.RequireAsync(actor, applicationId, ApplicationMemberRole.Owner, cancellationToken);
        if (!allowed.Succeeded)
        {
            return allowed.Error;
        }

        if (!Enum.IsDefined(role))
        {
            return JwtAuthKitErrors.Validation("role", "must be 'viewer', 'admin' or 'owner'");
        }

        var normalized = EmailAddress.Normalize(email ?? "");
        if (!EmailAddress.IsValid(normalized))
        {
            return Errors.InvalidEmail;
        }

        var current = await members.ListAsync(applicationId, cancellationToken);
        if (current.Any(m => m.Email == normalized))
        {
            return Errors.AlreadyMember;
        }

        // No mail bombing through invitations: the application's per-address hourly cap holds for them too.
        var application = allowed.Value.Application;
        var hourAgo = time.GetUtcNow() - TimeSpan.FromHours(1);
        if (await sent.CountRecentAsync(application.Id, normalized, EmailKind.Invitation, hourAgo, cancellationToken) >= application.Settings.EmailsPerAddressPerHour)
        {
            return Errors.AccountThrottled(TimeSpan.FromHours(1));
        }

        var (invitation, message) = mailer.Compose(application, normalized, role, actor);
        await members.CreateInvitationAsync(invitation, message, cancellationToken);
        outbox.Notify();
        await audit.RecordAsync(application.Id, AuditEventTypes.MemberInvited, null, actor.AuditName, actor.Client, new Dictionary<string, string>
        {
            ["invitation_id"] = invitation.Id,
            ["email"] = normalized,
            ["role"] = MemberRoles.Name(role),
        }, cancellationToken);
        return invitation.ToPending();
    }

    public async Task<Result<InvitationPreview>> GetInvitationAsync(string? token, CancellationToken cancellationToken)
    {
        if (await redeemer.FindPendingAsync(token, cancellationToken) is not { } found)
        {
            return Errors.InvalidToken;
        }

        var (invitation, application) = found;
        var accountExists = await redeemer.FindAccountAsync(invitation.Email, cancellationToken) is not null;
        return new InvitationPreview(invitation.ToPending(), application.Name, await redeemer.InviterEmailAsync(invitation, cancellationToken), accountExists);
    }

    public async Task<Result<ApplicationMember>> AcceptInvitationAsync(string accountId, string? token, ClientInfo client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(client);
        if (await redeemer.FindPendingAsync(token, cancellationToken) is not { } found)
        {
            return Errors.InvalidToken;
        }

        var account = await redeemer.FindAccountByIdAsync(accountId, cancellationToken);
        if (account is not { IsActive: true, EmailVerified: true })
        {
            return Errors.AccountNotUsable;
        }

        return account.Email != found.Invitation.Email
            ? Errors.InvitationForAnotherAddress
            : await redeemer.AcceptAsync(found.Invitation, account, newAccount: false, client, cancellationToken);
    }

    public async Task<Result<ApplicationMember>> ChangeRoleAsync(PlatformActor actor, string applicationId, string accountId, ApplicationMemberRole role, CancellationToken cancellationToken)
    {
        var allowed = await access.RequireAsync(actor, applicationId, ApplicationMemberRole.Owner, cancellationToken);
        if (!allowed.Succeeded)
        {
            return allowed.Error;
        }

        if (!Enum.IsDefined(role))
        {
            return JwtAuthKitErrors.Validation("role", "must be 'viewer', 'admin' or 'owner'");
        }

        if (accountId.Length > MaxIdLength)
        {
            return Errors.MemberNotFound;
        }

        var outcome = await members.ChangeRoleAsync(applicationId, accountId, role, cancellationToken);
        if (outcome != MemberChangeOutcome.Done)
        {
            return outcome == MemberChangeOutcome.LastOwner ? Errors.LastOwner : Errors.MemberNotFound;
        }

        await audit.RecordAsync(applicationId, AuditEventTypes.MemberRoleChanged, null, actor.AuditName, actor.Client,
            new Dictionary<string, string> { ["account_id"] = accountId, ["role"] = MemberRoles.Name(role) }, cancellationToken);
        var list = await members.ListAsync(applicationId, cancellationToken);
        return list.FirstOrDefault(m => m.AccountId == accountId) is { } member ? member : Errors.MemberNotFound;
    }

    public async Task<Result<bool>> RemoveAsync(PlatformActor actor, string applicationId, string accountId, CancellationToken cancellationToken)
    {
        var allowed = await access.RequireAsync(actor, applicationId, ApplicationMemberRole.Owner, cancellationToken);
        if (!allowed.Succeeded)
        {
            return allowed.Error;
        }

        var outcome = accountId.Length > MaxIdLength ? MemberChangeOutcome.NotFound : await members.RemoveAsync(applicationId, accountId, cancellationToken);
        if (outcome != MemberChangeOutcome.Done)
        {
            return outcome == MemberChangeOutcome.LastOwner ? Errors.LastOwner : Errors.MemberNotFound;
        }

        await audit.RecordAsync(applicationId, AuditEventTypes.MemberRemoved, null, actor.AuditName, actor.Client,
            new Dictionary<string, string> { ["account_id"] = accountId }, cancellationToken);
        return true;
    }

    public async Task<Result<bool>> RevokeInvitationAsync(PlatformActor actor, string applicationId, string invitationId, CancellationToken cancellationToken)
    {
        var allowed = await access.RequireAsync(actor, applicationId, ApplicationMemberRole.Owner, cancellationToken);
        if (!allowed.Succeeded)
        {
            return allowed.Error;
        }

        var now = time.GetUtcNow();
        var pending = await members.ListPendingInvitationsAsync(applicationId, now, cancellationToken);
        var invitation = pending.FirstOrDefault(i => i.Id == invitationId);
        if (invitation is null || !await members.RevokeInvitationAsync(applicationId, invitationId, now, cancellationToken))
        {
            return Errors.InvitationNotFound;
        }

        await audit.RecordAsync(applicationId, AuditEventTypes.InvitationRevoked, null, actor.AuditName, actor.Client,
            new Dictionary<string, string> { ["invitation_id"] = invitationId, ["email"] = invitation.Email }, cancellationToken);
        return true;
    }
}
