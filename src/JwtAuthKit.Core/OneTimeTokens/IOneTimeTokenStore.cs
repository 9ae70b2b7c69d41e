using JwtAuthKit.Email;

namespace JwtAuthKit.OneTimeTokens;

/// <summary>Persists one-time tokens together with the email that carries them. Each method persists on its own.</summary>
public interface IOneTimeTokenStore
{
    /// <summary>
    /// Stores a token and queues its email in one transaction (the transactional outbox): either both exist or
    /// neither. Earlier unused tokens of the same address and purpose are ended in the same transaction.
    /// </summary>
    /// <param name="token">The token.</param>
    /// <param name="message">The email carrying it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task CreateWithMessageAsync(OneTimeToken token, EmailMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Does the database work of <see cref="CreateWithMessageAsync"/> and leaves nothing behind (the rows are written and
    /// removed in one committed transaction; no earlier token is ended): for a request that sends nothing (unknown
    /// address, or over the per-address cap), so its answer takes as long as one that sends (no account enumeration by
    /// timing, OWASP ASVS 2.5.x).
    /// </summary>
    /// <param name="token">A token like the one that would be stored.</param>
    /// <param name="message">A message like the one that would be queued.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task RehearseCreateWithMessageAsync(OneTimeToken token, EmailMessage message, CancellationToken cancellationToken);

    /// <summary>Finds a link token by the hash of its value.</summary>
    /// <param name="secretHash">The hex SHA-256 of the token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token, or <see langword="null"/>.</returns>
    Task<OneTimeToken?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken);

    /// <summary>Finds the newest unused, unexpired code sent to an address for a purpose.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="email">The normalized address.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token, or <see langword="null"/>.</returns>
    Task<OneTimeToken?> FindActiveCodeAsync(string applicationId, string email, string purpose, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks a token used if it is still unused and unexpired — a conditional update, so it is used once.</summary>
    /// <param name="id">The token id.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> for the one caller that consumed it.</returns>
    Task<bool> TryConsumeAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Takes one of a code's <paramref name="maxAttempts"/> attempts — one conditional update (<c>attempts = attempts + 1
    /// WHERE attempts &lt; max AND unused AND unexpired</c>) made before the code is compared, so however many guesses
    /// arrive at once, at most <paramref name="maxAttempts"/> are ever evaluated.
    /// </summary>
    /// <param name="id">The token id.</param>
    /// <param name="maxAttempts">The attempts a code gets.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the caller got an attempt and may compare the code.</returns>
    Task<bool> TryTakeAttemptAsync(string id, int maxAttempts, DateTimeOffset now, CancellationToken cancellationToken);
}
