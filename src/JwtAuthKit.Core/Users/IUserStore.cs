namespace JwtAuthKit.Users;

/// <summary>Persists users. Every lookup is scoped to one application. Each method persists on its own.</summary>
public interface IUserStore
{
    /// <summary>Finds a user by id within an application.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="userId">The user id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user, or <see langword="null"/>.</returns>
    Task<User?> FindByIdAsync(string applicationId, string userId, CancellationToken cancellationToken);

    /// <summary>Finds a user by normalized email within an application.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="normalizedEmail">The email, as <c>EmailAddress.Normalize</c> returns it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user, or <see langword="null"/>.</returns>
    Task<User?> FindByEmailAsync(string applicationId, string normalizedEmail, CancellationToken cancellationToken);

    /// <summary>Creates a user.</summary>
    /// <param name="user">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the application already has a user with that email.</returns>
    Task<bool> CreateAsync(User user, CancellationToken cancellationToken);

    /// <summary>
    /// Creates a user together with its first one-time token and the email that carries it, in one transaction (the
    /// transactional outbox): either all three exist or none does, so no account is left without its verification
    /// email. Earlier unused tokens of the same address and purpose are ended in the same transaction, as
    /// <see cref="OneTimeTokens.IOneTimeTokenStore.CreateWithMessageAsync"/> does.
    /// </summary>
    /// <param name="user">The user.</param>
    /// <param name="token">The token, for <paramref name="user"/>.</param>
    /// <param name="message">The email carrying the token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> (and nothing stored) when the application already has a user with that email.</returns>
    Task<bool> CreateWithMessageAsync(User user, OneTimeTokens.OneTimeToken token, Email.EmailMessage message, CancellationToken cancellationToken);

    /// <summary>Searches an application's users by email or name (case-insensitive substring), newest first.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="query">The text to look for, or <see langword="null"/> for everyone.</param>
    /// <param name="page">The page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page of users and how many match in all.</returns>
    Task<Page<User>> SearchAsync(string applicationId, string? query, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Deletes a user with their sessions and tokens.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when there was no such user.</returns>
    Task<bool> DeleteAsync(string applicationId, string userId, CancellationToken cancellationToken);

    /// <summary>Saves a user if nobody changed it since it was read, and gives it a new concurrency stamp.</summary>
    /// <param name="user">The user, as read and then changed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the stored user changed in the meantime.</returns>
    Task<bool> UpdateAsync(User user, CancellationToken cancellationToken);

    /// <summary>
    /// Records a sign-in if nobody changed the user since it was read: sets <see cref="User.LastLoginAt"/> and
    /// <see cref="User.UpdatedAt"/> to <paramref name="signedInAt"/> and gives the user a new concurrency stamp, changing
    /// nothing else. Works like <see cref="UpdateAsync"/> (which this default calls); a store may write only those columns.
    /// </summary>
    /// <param name="user">The user, as read.</param>
    /// <param name="signedInAt">When the user signed in.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the stored user changed in the meantime; the caller's copy is then as it was.</returns>
    async Task<bool> RecordSignInAsync(User user, DateTimeOffset signedInAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var (lastLogin, updated) = (user.LastLoginAt, user.UpdatedAt);
        user.LastLoginAt = signedInAt;
        user.UpdatedAt = signedInAt;
        if (await UpdateAsync(user, cancellationToken))
        {
            return true;
        }

        (user.LastLoginAt, user.UpdatedAt) = (lastLogin, updated);
        return false;
    }

    /// <summary>
    /// Records <paramref name="changedAt"/> as the users' <see cref="User.RolesChangedAt"/> once their role change has
    /// committed, and gives each a new concurrency stamp (so a copy read before cannot write an older time back).
    /// </summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="userIds">The users whose roles changed.</param>
    /// <param name="changedAt">A time taken after the change committed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the time is stored.</returns>
    Task MarkRolesChangedAsync(string applicationId, IReadOnlyCollection<string> userIds, DateTimeOffset changedAt, CancellationToken cancellationToken);

    /// <summary>Removes a role name from every user of an application that holds it (when the role is deleted).</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="role">The role name.</param>
    /// <param name="changedAt">The time to record as the users' <see cref="User.RolesChangedAt"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ids of the users that changed.</returns>
    Task<IReadOnlyList<string>> RemoveRoleAsync(string applicationId, string role, DateTimeOffset changedAt, CancellationToken cancellationToken);

    /// <summary>Lists the users whose roles changed at or after a time (what other nodes must learn within seconds).</summary>
    /// <param name="since">The earliest change to list.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Each user's id and the time of their latest role change.</returns>
    Task<IReadOnlyList<RolesChange>> ListRolesChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// Creates users of one application in one transaction (an import batch), skipping those whose email the application
    /// already has. Optional for store authors: the default throws <see cref="NotSupportedException"/>.
    /// </summary>
    /// <param name="applicationId">The application of every user given.</param>
    /// <param name="users">The users, with distinct normalized emails.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The emails that already had an account; nothing was written for them.</returns>
    Task<IReadOnlySet<string>> CreateManyAsync(string applicationId, IReadOnlyList<User> users, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This user store does not support importing users.");

    /// <summary>
    /// Every user of an application, oldest first, read a page at a time (an export). Optional for store authors: the
    /// default throws <see cref="NotSupportedException"/>.
    /// </summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The users.</returns>
    IAsyncEnumerable<User> ListAllAsync(string applicationId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This user store does not support exporting users.");
}
