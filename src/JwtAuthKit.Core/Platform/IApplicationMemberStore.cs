using JwtAuthKit.Email;
using JwtAuthKit.Users;

namespace JwtAuthKit.Platform;

/// <summary>Persists applications' members and invitations. Each method persists on its own.</summary>
public interface IApplicationMemberStore
{
    /// <summary>Lists an application's members with their accounts' addresses, oldest first.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The members.</returns>
    Task<IReadOnlyList<ApplicationMember>> ListAsync(string applicationId, CancellationToken cancellationToken);

    /// <summary>Lists an account's memberships.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The memberships.</returns>
    Task<IReadOnlyList<ApplicationMembership>> ListForAccountAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Finds a membership.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="accountId">The account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The membership, or <see langword="null"/>.</returns>
    Task<ApplicationMembership?> FindAsync(string applicationId, string accountId, CancellationToken cancellationToken);

    /// <summary>Adds a member.</summary>
    /// <param name="membership">The membership.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the account is already a member.</returns>
    Task<bool> AddAsync(ApplicationMembership membership, CancellationToken cancellationToken);

    /// <summary>
    /// Changes a member's role unless that leaves the application without an owner — decided atomically: concurrent
    /// changes of one application are serialized, so two owners demoting each other cannot both succeed.
    /// </summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="accountId">The member.</param>
    /// <param name="role">The new role.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What happened.</returns>
    Task<MemberChangeOutcome> ChangeRoleAsync(string applicationId, string accountId, ApplicationMemberRole role, CancellationToken cancellationToken);

    /// <summary>Removes a member unless it is the last owner, decided atomically as <see cref="ChangeRoleAsync"/>.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="accountId">The member.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What happened.</returns>
    Task<MemberChangeOutcome> RemoveAsync(string applicationId, string accountId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores an invitation and queues its email in one transaction; earlier pending invitations of the same address to
    /// the same application are revoked in it.
    /// </summary>
    /// <param name="invitation">The invitation.</param>
    /// <param name="message">The email carrying its link.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task CreateInvitationAsync(ApplicationInvitation invitation, EmailMessage message, CancellationToken cancellationToken);

    /// <summary>Finds an invitation by the hash of its token.</summary>
    /// <param name="tokenHash">The hex SHA-256 of the token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The invitation, or <see langword="null"/>.</returns>
    Task<ApplicationInvitation?> FindInvitationByTokenHashAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>Lists an application's pending invitations, newest first.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="now">The current time (expired ones are left out).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The invitations.</returns>
    Task<IReadOnlyList<ApplicationInvitation>> ListPendingInvitationsAsync(string applicationId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Revokes a pending invitation.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="invitationId">The invitation.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when no pending invitation of the application has that id.</returns>
    Task<bool> RevokeInvitationAsync(string applicationId, string invitationId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Accepts a pending invitation in one transaction: marks it accepted (a conditional update, so it is used once),
    /// creates <paramref name="newAccount"/> when given, and makes the account a member with the invitation's role (an
    /// existing member keeps the higher of the two).
    /// </summary>
    /// <param name="invitation">The invitation.</param>
    /// <param name="accountId">The accepting account.</param>
    /// <param name="newAccount">An account to create with it (the invitee had none), or <see langword="null"/>.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What happened; nothing is written unless <see cref="InvitationAcceptOutcome.Accepted"/>.</returns>
    Task<InvitationAcceptOutcome> TryAcceptInvitationAsync(ApplicationInvitation invitation, string accountId, User? newAccount, DateTimeOffset now, CancellationToken cancellationToken);
}
