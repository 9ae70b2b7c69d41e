namespace JwtAuthKit.Throttling;

/// <summary>
/// Persists <see cref="AttemptCounter"/>s, shared by every node of a deployment. Each method persists on its own;
/// <see cref="IncrementAsync"/> is atomic, so concurrent failures are all counted.
/// </summary>
public interface IAttemptCounterStore
{
    /// <summary>Finds a counter.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="keyHash">The hashed key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The counter, or <see langword="null"/> when nothing failed since the last reset.</returns>
    Task<AttemptCounter?> FindAsync(string applicationId, string keyHash, CancellationToken cancellationToken);

    /// <summary>Adds one failure (creating the counter at one) and sets its time — one atomic change.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="keyHash">The hashed key.</param>
    /// <param name="now">The time of the failure.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task IncrementAsync(string applicationId, string keyHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Removes a counter (after a success).</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="keyHash">The hashed key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task DeleteAsync(string applicationId, string keyHash, CancellationToken cancellationToken);

    /// <summary>Removes counters whose last failure is older than <paramref name="before"/>.</summary>
    /// <param name="before">The cut-off time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The number removed.</returns>
    Task<int> DeleteOlderThanAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
