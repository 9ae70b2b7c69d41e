namespace JwtAuthKit.Tokens;

/// <summary>Persists token-signing keys. Each method persists on its own.</summary>
public interface ISigningKeyStore
{
    /// <summary>Lists the keys that have not expired at <paramref name="now"/>, oldest first.</summary>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The keys.</returns>
    Task<IReadOnlyList<SigningKey>> ListUnexpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Adds a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task AddAsync(SigningKey key, CancellationToken cancellationToken);

    /// <summary>Retires every key other than <paramref name="exceptKeyId"/> that is not retired yet.</summary>
    /// <param name="exceptKeyId">The key that keeps signing.</param>
    /// <param name="retiredAt">When they stop signing.</param>
    /// <param name="expiresAt">When they stop being published.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task RetireOthersAsync(string exceptKeyId, DateTimeOffset retiredAt, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Sets when <paramref name="keyId"/> stops signing and stops being published, if no retirement is set for it yet: a
    /// conditional update, so of several nodes scheduling the same rotation exactly one gets <see langword="true"/>.
    /// </summary>
    /// <param name="keyId">The key that signs now.</param>
    /// <param name="retiresAt">When it stops signing (its successor's activation).</param>
    /// <param name="expiresAt">When it stops being published.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether this call set it.</returns>
    Task<bool> TryScheduleRetirementAsync(string keyId, DateTimeOffset retiresAt, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
