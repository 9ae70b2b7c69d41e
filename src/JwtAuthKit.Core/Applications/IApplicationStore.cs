namespace JwtAuthKit.Applications;

/// <summary>Persists applications and their API keys. Each method persists on its own.</summary>
public interface IApplicationStore
{
    /// <summary>Finds an application by id.</summary>
    /// <param name="id">The application id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The application, or <see langword="null"/>.</returns>
    Task<Application?> FindByIdAsync(string id, CancellationToken cancellationToken);

    /// <summary>Finds an application by client id (the token audience).</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The application, or <see langword="null"/>.</returns>
    Task<Application?> FindByClientIdAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>Finds an application by name.</summary>
    /// <param name="name">The exact name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The application, or <see langword="null"/>.</returns>
    Task<Application?> FindByNameAsync(string name, CancellationToken cancellationToken);

    /// <summary>Finds a key that is not revoked by the hash of its value, with its application.</summary>
    /// <param name="keyHash">The hex SHA-256 hash of the key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key and application, or <see langword="null"/>.</returns>
    Task<ResolvedApiKey?> FindActiveKeyByHashAsync(string keyHash, CancellationToken cancellationToken);

    /// <summary>Lists every client application (not the reserved operators' application).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The applications, oldest first.</returns>
    Task<IReadOnlyList<Application>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Counts the client applications (not the operators' one), stopping at <paramref name="max"/>.</summary>
    /// <param name="max">The largest count of interest.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The count, at most <paramref name="max"/>.</returns>
    Task<int> CountAsync(int max, CancellationToken cancellationToken);

    /// <summary>Creates an application with its first keys in one transaction.</summary>
    /// <param name="application">The application.</param>
    /// <param name="keys">Its keys.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the name or client id is already taken.</returns>
    Task<bool> CreateAsync(Application application, IReadOnlyCollection<ApiKey> keys, CancellationToken cancellationToken);

    /// <summary>Saves an application's name and settings.</summary>
    /// <param name="application">The application.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task UpdateAsync(Application application, CancellationToken cancellationToken);

    /// <summary>Adds a key to an existing application.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when a key with the same hash exists.</returns>
    Task<bool> AddKeyAsync(ApiKey key, CancellationToken cancellationToken);

    /// <summary>Lists an application's keys, revoked ones included, newest first.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The keys.</returns>
    Task<IReadOnlyList<ApiKey>> ListKeysAsync(string applicationId, CancellationToken cancellationToken);

    /// <summary>Revokes a key of an application, if it is not revoked yet.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="keyId">The key.</param>
    /// <param name="revokedAt">The time of revocation.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when no such active key exists.</returns>
    Task<bool> RevokeKeyAsync(string applicationId, string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken);

    /// <summary>Records that a key was used, unless a use at or after <paramref name="notBefore"/> is recorded.</summary>
    /// <param name="keyId">The key.</param>
    /// <param name="usedAt">When it was used.</param>
    /// <param name="notBefore">Skip the write when the recorded use is this recent.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task TouchKeyAsync(string keyId, DateTimeOffset usedAt, DateTimeOffset notBefore, CancellationToken cancellationToken);

    /// <summary>Deletes an application with its users, sessions, roles, keys, mail and events.</summary>
    /// <param name="id">The application.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when it did not exist.</returns>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}
