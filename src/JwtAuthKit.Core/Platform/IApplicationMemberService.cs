using JwtAuthKit.Sessions;

namespace JwtAuthKit.Platform;

/// <summary>
/// The members of an application and the invitations that make new ones. Any member may list them; only an owner (or an
/// operator) may invite, change roles, remove members or revoke invitations — each method checks the actor's role
/// itself (<c>forbidden</c> otherwise, <c>not_found</c> for an application the actor cannot see) and writes its audit
/// event to the application's log with the account as actor. An application always keeps at least one owner.
/// </summary>
public interface IApplicationMemberService
{
    /// <summary>Lists an application's members, oldest first.</summary>
    /// <param name="actor">The account asking (any member).</param>
    /// <param name="applicationId">The application.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The members, or <c>not_found</c>, <c>mfa_enrollment_required</c>.</returns>
    Task<Result<IReadOnlyList<ApplicationMember>>> ListAsync(PlatformActor actor, string applicationId, CancellationToken cancellationToken);

    /// <summary>Lists an application's pending invitations (not accepted, revoked or expired), newest first.</summary>
    /// <param name="actor">The account asking (any member).</param>
    /// <param name="applicationId">The application.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The invitations, or <c>not_found</c>, <c>mfa_enrollment_required</c>.</returns>
    Task<Result<IReadOnlyList<PendingInvitation>>> ListInvitationsAsync(PlatformActor actor, string applicationId, CancellationToken cancellationToken);

    /// <summary>
    /// Invites an address to an application with a role: the invitation email (through the outbox) carries a link to
    /// <c>{issuer}/admin/invitations/accept?token=…</c>, whose token is stored only as a hash, works once and expires
    /// after <see cref="DashboardOptions.InvitationLifetime"/>. Inviting an address again replaces its earlier invitation.
    /// </summary>
    /// <param name="actor">An owner of the application, or an operator.</param>
    /// <param name="applicationId">The application.</param>
    /// <param name="email">The address to invite.</param>
    /// <param name="role">The role the invitee gets.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The invitation, or <c>forbidden</c>, <c>not_found</c>, <c>invalid_email</c>, <c>validation_failed</c>, <c>conflict</c> (already a member), <c>rate_limited</c> (too many invitations to the address this hour), <c>mfa_enrollment_required</c>.</returns>
    Task<Result<PendingInvitation>> InviteAsync(PlatformActor actor, string applicationId, string? email, ApplicationMemberRole role, CancellationToken cancellationToken);

    /// <summary>
    /// Reads what an invitation link offers, to show before the invitee signs in or creates an account.
    /// </summary>
    /// <param name="token">The token from the link.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The invitation, or <c>invalid_token</c> (unknown, used, revoked or expired).</returns>
    Task<Result<InvitationPreview>> GetInvitationAsync(string? token, CancellationToken cancellationToken);

    /// <summary>
    /// Accepts an invitation for a signed-in account whose verified address is the invited one; the token is used up.
    /// An account that is already a member keeps the higher of its role and the invited one.
    /// </summary>
    /// <param name="accountId">The signed-in account (a user id of the platform application).</param>
    /// <param name="token">The token from the link.</param>
    /// <param name="client">Where the request came from (recorded in the audit event).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The membership, or <c>invalid_token</c>, <c>forbidden</c> (another address, or an unverified or disabled account).</returns>
    Task<Result<ApplicationMember>> AcceptInvitationAsync(string accountId, string? token, ClientInfo client, CancellationToken cancellationToken);

    /// <summary>Changes a member's role; the last owner cannot be made anything else.</summary>
    /// <param name="actor">An owner of the application, or an operator.</param>
    /// <param name="applicationId">The application.</param>
    /// <param name="accountId">The member.</param>
    /// <param name="role">The new role.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The membership, or <c>forbidden</c>, <c>not_found</c>, <c>validation_failed</c>, <c>last_owner</c>, <c>mfa_enrollment_required</c>.</returns>
    Task<Result<ApplicationMember>> ChangeRoleAsync(PlatformActor actor, string applicationId, string accountId, ApplicationMemberRole role, CancellationToken cancellationToken);

    /// <summary>Removes a member; the last owner cannot be removed.</summary>
    /// <param name="actor">An owner of the application, or an operator.</param>
    /// <param name="applicationId">The application.</param>
    /// <param name="accountId">The member.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/>, or <c>forbidden</c>, <c>not_found</c>, <c>last_owner</c>, <c>mfa_enrollment_required</c>.</returns>
    Task<Result<bool>> RemoveAsync(PlatformActor actor, string applicationId, string accountId, CancellationToken cancellationToken);

    /// <summary>Revokes a pending invitation: its link stops working.</summary>
    /// <param name="actor">An owner of the application, or an operator.</param>
    /// <param name="applicationId">The application.</param>
    /// <param name="invitationId">The invitation.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/>, or <c>forbidden</c>, <c>not_found</c>, <c>mfa_enrollment_required</c>.</returns>
    Task<Result<bool>> RevokeInvitationAsync(PlatformActor actor, string applicationId, string invitationId, CancellationToken cancellationToken);
}
