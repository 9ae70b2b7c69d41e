using JwtAuthKit.Applications;
using JwtAuthKit.Audit;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;

namespace JwtAuthKit.Platform;

/// <summary>
/// Finds the pending invitation of a link's token and accepts it, for a signed-in account or together with a new one;
/// the one place an invitation's token is checked and used up.
/// </summary>
internal sealed class InvitationRedeemer(IApplicationMemberStore members, IApplicationStore applications, IUserStore users, AuditLog audit, TimeProvider time)
{
    private const int MaxTokenLength = 200;

    public async Task<(ApplicationInvitation Invitation, Application Application)?> FindPendingAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength
            || await members.FindInvitationByTokenHashAsync(SecretTokens.Hash(token), cancellationToken) is not { } invitation
            || !invitation.IsPending(time.GetUtcNow())
            || await applications.FindByIdAsync(invitation.ApplicationId, cancellationToken) is not { ClientId: not PlatformApplication.ClientId } application)
        {
            return null;
        }

        return (invitation, application);
    }

    public async Task<User?> FindAccountAsync(string email, CancellationToken cancellationToken) =>
        await applications.FindByClientIdAsync(PlatformApplication.ClientId, cancellationToken) is { } platform
            ? await users.FindByEmailAsync(platform.Id, email, cancellationToken)
            : null;

    public async Task<User?> FindAccountByIdAsync(string accountId, CancellationToken cancellationToken) =>
        accountId.Length <= 64 && await applications.FindByClientIdAsync(PlatformApplication.ClientId, cancellationToken) is { } platform
            ? await users.FindByIdAsync(platform.Id, accountId, cancellationToken)
            : null;

    public async Task<string?> InviterEmailAsync(ApplicationInvitation invitation, CancellationToken cancellationToken) =>
        await applications.FindByClientIdAsync(PlatformApplication.ClientId, cancellationToken) is { } platform
        && await users.FindByIdAsync(platform.Id, invitation.InvitedBy, cancellationToken) is { } inviter
            ? inviter.Email
            : null;

    public async Task<Result<ApplicationMember>> AcceptAsync(ApplicationInvitation invitation, User account, bool newAccount, ClientInfo client, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var outcome = await members.TryAcceptInvitationAsync(invitation, account.Id, newAccount ? account : null, now, cancellationToken);
        if (outcome == InvitationAcceptOutcome.EmailTaken)
        {
            return Errors.InviteeHasAccount;
        }

        if (outcome != InvitationAcceptOutcome.Accepted || await members.FindAsync(invitation.ApplicationId, account.Id, cancellationToken) is not { } membership)
        {
            return Errors.InvalidToken;
        }

        await audit.RecordAsync(invitation.ApplicationId, AuditEventTypes.MemberJoined, null, "account:" + account.Id, client, new Dictionary<string, string>
        {
            ["invitation_id"] = invitation.Id,
            ["account_id"] = account.Id,
            ["role"] = MemberRoles.Name(membership.Role),
            ["new_account"] = newAccount ? "true" : "false",
        }, cancellationToken);
        return new ApplicationMember(membership.ApplicationId, account.Id, account.Email, membership.Role, membership.AddedAt);
    }
}
