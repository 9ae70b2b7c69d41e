using JwtAuthKit.Users;

namespace JwtAuthKit.Administration;

/// <summary>
/// An application's administration of its users (<c>/api/admin/users</c>, the dashboard). Another application's user is
/// "not found"; a user whose roles grant permissions the actor lacks cannot be changed by that actor. Every change is
/// audited.
/// </summary>
public interface IUserAdministrationService
{
    /// <summary>Searches the application's users by email or name (case-insensitive substring), newest first.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="query">The text to look for, or <see langword="null"/> for everyone.</param>
    /// <param name="page">The page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page of users.</returns>
    Task<Page<User>> SearchAsync(AdminActor actor, string? query, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Reads a user.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user, or <c>not_found</c>.</returns>
    Task<Result<User>> GetAsync(AdminActor actor, string userId, CancellationToken cancellationToken);

    /// <summary>Creates a user; no email is sent.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="user">The new user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user, or <c>invalid_email</c>, <c>weak_password</c>, <c>validation_failed</c>, <c>forbidden</c>, <c>email_taken</c>.</returns>
    Task<Result<User>> CreateAsync(AdminActor actor, NewUser user, CancellationToken cancellationToken);

    /// <summary>
    /// Changes a user's name, active state or verified state; disabling ends every session first. A dashboard account
    /// that is the last owner of an application cannot be disabled (<c>last_owner</c>).
    /// </summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="userId">The user.</param>
    /// <param name="changes">The fields to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user, or <c>not_found</c>, <c>forbidden</c>, <c>validation_failed</c>, <c>conflict</c>, <c>last_owner</c>.</returns>
    Task<Result<User>> UpdateAsync(AdminActor actor, string userId, UserChanges changes, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a user after ending their sessions. A dashboard account (a user of the platform application) that is the
    /// last owner of an application is kept, as is one being disabled through <see cref="UpdateAsync"/>.
    /// </summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/>, or <c>not_found</c>, <c>forbidden</c>, <c>last_owner</c>.</returns>
    Task<Result<bool>> DeleteAsync(AdminActor actor, string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Lists a user's sessions that are neither ended nor expired, newest first: the administrator's view of what the
    /// user sees through <see cref="Sessions.IUserSessionService.ListAsync"/>.
    /// </summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The sessions, or <c>not_found</c>.</returns>
    Task<Result<IReadOnlyList<Sessions.Session>>> ListSessionsAsync(AdminActor actor, string userId, CancellationToken cancellationToken);

    /// <summary>Replaces a user's roles.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="userId">The user.</param>
    /// <param name="roles">The roles from now on: built in or of the application, at most 50.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user, or <c>validation_failed</c>, <c>not_found</c>, <c>forbidden</c>, <c>conflict</c>.</returns>
    Task<Result<User>> SetRolesAsync(AdminActor actor, string userId, IList<string>? roles, CancellationToken cancellationToken);

    /// <summary>Emails the user a password reset link.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/>, or <c>not_found</c>, <c>forbidden</c>.</returns>
    Task<Result<bool>> SendPasswordResetAsync(AdminActor actor, string userId, CancellationToken cancellationToken);

    /// <summary>Ends every session of the user at once.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/>, or <c>not_found</c>, <c>forbidden</c>.</returns>
    Task<Result<bool>> RevokeSessionsAsync(AdminActor actor, string userId, CancellationToken cancellationToken);

    /// <summary>Removes the user's second factor (TOTP enrolment and recovery codes), for a user who lost their device.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> (also when the user had none), or <c>not_found</c>, <c>forbidden</c>.</returns>
    Task<Result<bool>> RemoveMfaAsync(AdminActor actor, string userId, CancellationToken cancellationToken);
}
