using JwtAuthKit.Administration;
using JwtAuthKit.Email;

namespace JwtAuthKit.Platform;

/// <summary>
/// An application's email outbox for its administrators: what was sent, what waits and what failed (kind, recipient,
/// subject, state, attempts, last error, times — never a body), and a retry for failed messages. Listing needs
/// <c>audit:read</c>; retrying needs <c>settings:write</c> and is audited.
/// </summary>
public interface IEmailOutboxAdministrationService
{
    /// <summary>The largest page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Lists the application's messages, newest first, a page at a time (keyset: the work does not grow with the outbox).</summary>
    /// <param name="actor">Who asks, on the application.</param>
    /// <param name="status">Only messages in this state, or all when <see langword="null"/>.</param>
    /// <param name="before">Only messages older than this one (the previous page's <see cref="OutboxPage.NextBefore"/>), or <see langword="null"/> for the newest.</param>
    /// <param name="pageSize">How many, from 1 to <see cref="MaxPageSize"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page, or <c>forbidden</c>, <c>validation_failed</c>.</returns>
    Task<Result<OutboxPage>> ListAsync(AdminActor actor, EmailStatus? status, string? before, int pageSize, CancellationToken cancellationToken);

    /// <summary>Puts a failed message of the application back in the queue for another round of attempts.</summary>
    /// <param name="actor">Who acts, on the application.</param>
    /// <param name="messageId">The message.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/>, or <c>forbidden</c>, <c>not_found</c> (no failed message of the application has that id).</returns>
    Task<Result<bool>> RetryAsync(AdminActor actor, string messageId, CancellationToken cancellationToken);
}
