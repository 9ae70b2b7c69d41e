namespace JwtAuthKit.Mfa;

/// <summary>Persists the pending second steps of sign-ins. Each method persists on its own.</summary>
public interface IMfaChallengeStore
{
    /// <summary>Stores a new challenge and ends the user's earlier unused ones, in one transaction: one live challenge a user.</summary>
    /// <param name="challenge">The challenge.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task CreateAsync(MfaChallenge challenge, CancellationToken cancellationToken);

    /// <summary>Finds a challenge by the hash of its <c>mfa_token</c>.</summary>
    /// <param name="tokenHash">The hex SHA-256 of the token.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The challenge, or <see langword="null"/>.</returns>
    Task<MfaChallenge?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>
    /// Takes one attempt of an unused, unexpired challenge if fewer than <paramref name="maxAttempts"/> were taken: a
    /// conditional update, so concurrent guesses get at most <paramref name="maxAttempts"/> checks between them.
    /// </summary>
    /// <param name="id">The challenge.</param>
    /// <param name="maxAttempts">The attempt budget.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when the caller may check one code.</returns>
    Task<bool> TryTakeAttemptAsync(string id, int maxAttempts, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks a challenge used if it is still unused and unexpired.</summary>
    /// <param name="id">The challenge.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> for the one caller that consumed it.</returns>
    Task<bool> TryConsumeAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);
}
