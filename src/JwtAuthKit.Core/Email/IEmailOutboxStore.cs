namespace JwtAuthKit.Email;

/// <summary>Persists the email outbox. Each method persists on its own.</summary>
public interface IEmailOutboxStore
{
    /// <summary>Queues a message that carries no one-time token.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task AddAsync(EmailMessage message, CancellationToken cancellationToken);

    /// <summary>Locks up to <paramref name="max"/> due pending messages for this node until <paramref name="lockUntil"/> and returns them.</summary>
    /// <param name="now">The current time.</param>
    /// <param name="lockUntil">Until when the claim holds.</param>
    /// <param name="max">The most to claim.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claimed messages.</returns>
    Task<IReadOnlyList<EmailMessage>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset lockUntil, int max, CancellationToken cancellationToken);

    /// <summary>Saves the outcome of a delivery attempt (status, attempts, next attempt, error, bodies) and releases the claim.</summary>
    /// <param name="message">The message as changed by the attempt.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task SaveAttemptAsync(EmailMessage message, CancellationToken cancellationToken);

    /// <summary>Finds a message.</summary>
    /// <param name="id">The message id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message, or <see langword="null"/>.</returns>
    Task<EmailMessage?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Lists messages, newest first.</summary>
    /// <param name="applicationId">Only this application's, or all when <see langword="null"/>.</param>
    /// <param name="status">Only this status, or all when <see langword="null"/>.</param>
    /// <param name="skip">How many to skip.</param>
    /// <param name="take">How many to return.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The messages.</returns>
    Task<IReadOnlyList<EmailMessage>> ListAsync(string? applicationId, EmailStatus? status, int skip, int take, CancellationToken cancellationToken);

    /// <summary>Puts a failed message back in the queue.</summary>
    /// <param name="id">The message id.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when no failed message has that id.</returns>
    Task<bool> RetryAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Whether a message of a kind went to an address at or after <paramref name="since"/> (mail-bombing guard).</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="recipient">The recipient.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="since">The start of the window.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether one exists.</returns>
    Task<bool> HasRecentAsync(string applicationId, string recipient, string kind, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>How many messages of a kind went to an address at or after <paramref name="since"/> (the hourly cap).</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="recipient">The recipient.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="since">The start of the window.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The number of messages.</returns>
    Task<int> CountRecentAsync(string applicationId, string recipient, string kind, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// Lists an application's messages newest first, a page at a time by keyset (ids are time-ordered UUID v7), so a long
    /// outbox costs no more than a short one. Stores written before it may leave it out.
    /// </summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="status">Only this status, or all when <see langword="null"/>.</param>
    /// <param name="beforeId">Only messages whose id sorts before this one, or <see langword="null"/> for the newest.</param>
    /// <param name="take">How many to return.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The messages.</returns>
    Task<IReadOnlyList<EmailMessage>> ListPageAsync(string applicationId, EmailStatus? status, string? beforeId, int take, CancellationToken cancellationToken) =>
        throw new NotSupportedException("This outbox store does not page by keyset.");
}
