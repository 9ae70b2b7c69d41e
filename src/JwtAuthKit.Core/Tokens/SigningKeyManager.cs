using System.Security.Cryptography;
using JwtAuthKit.Applications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Tokens;

/// <summary>
/// Keeps the signing keys in memory: creates the first key, picks the one that signs, publishes every key whose
/// tokens may still be alive, and rotates. Reloads from the store every minute, and at once (at most every
/// 5 s) when a token names a key it does not know, so a rotation on another node is picked up.
/// </summary>
public sealed partial class SigningKeyManager : IDisposable
{
    private static readonly TimeSpan ReloadInterval = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan UnknownKeyReloadInterval = TimeSpan.FromSeconds(5);
    private readonly ISigningKeyStore _store;
    private readonly ISigningKeyProtector _protector;
    private readonly JwtAuthKitOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SigningKeyManager> _logger;
    private readonly SemaphoreSlim _loadLock = new(1, 1);
    private KeyRing? _ring;
    private volatile bool _stale;

    /// <summary>Creates the manager.</summary>
    /// <param name="store">The key store.</param>
    /// <param name="protector">Encrypts and decrypts private keys.</param>
    /// <param name="options">The options.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger.</param>
    public SigningKeyManager(ISigningKeyStore store, ISigningKeyProtector protector, IOptions<JwtAuthKitOptions> options, TimeProvider time, ILogger<SigningKeyManager> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _protector = protector;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>The public keys to publish in the JWKS: the signing key and retired keys still in use.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The public JWKs; never a private part, never an HMAC key.</returns>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> GetPublicJwksAsync(CancellationToken cancellationToken)
    {
        var ring = await GetRingAsync(cancellationToken);
        return [.. ring.Keys.Values.Where(k => k.PublicJwk is not null).Select(k => k.PublicJwk!)];
    }

    /// <summary>
    /// Creates a new signing key and retires the others; they stay published until their last token has expired.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The id of the new key.</returns>
    public async Task<string> RotateAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var key = await CreateKeyAsync(now, cancellationToken);
        var expiresAt = now + TimeSpan.FromSeconds(ApplicationSettingsValidator.MaxAccessTokenLifetimeSeconds) + _options.ClockSkew;
        await _store.RetireOthersAsync(key.Id, now, expiresAt, cancellationToken);
        await ReloadAsync(cancellationToken);
        LogRotated(_logger, key.Id);
        return key.Id;
    }

    /// <summary>
    /// Schedules a rotation if the signing key is due (<see cref="SigningKeyRotationOptions"/>): the successor is published
    /// now and signs from <c>now + PrePublish</c>, when the old key retires. Of several nodes calling this together exactly
    /// one rotates (the old key's retirement is a conditional update); the others get <see langword="null"/>.
    /// </summary>
    /// <returns>The successor, or <see langword="null"/> when nothing was due or another node rotated.</returns>
    internal async Task<SigningKey?> RotateIfDueAsync(CancellationToken cancellationToken)
    {
        var rotation = _options.SigningKeyRotation;
        if (rotation.Interval <= TimeSpan.Zero)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        var stored = await _store.ListUnexpiredAsync(now, cancellationToken);
        var signer = PickSigner(stored, SigningKeyMaterial.Name(_options.SigningAlgorithm), now);
        if (signer is null || signer.RetiredAt is not null || stored.Any(k => k.RetiredAt is null && ActivationOf(k) > now)
            || ActivationOf(signer) + rotation.Interval - rotation.PrePublish > now)
        {
            return null; // No key yet (the ring makes one), a rotation already scheduled, or not due.
        }

        var activatesAt = now + rotation.PrePublish;
        var expiresAt = activatesAt + TimeSpan.FromSeconds(ApplicationSettingsValidator.MaxAccessTokenLifetimeSeconds) + _options.ClockSkew;
        if (!await _store.TryScheduleRetirementAsync(signer.Id, activatesAt, expiresAt, cancellationToken))
        {
            return null;
        }

        // Should this node stop here, the ring makes a key when the old one retires: signing goes on, unannounced.
        var successor = await CreateKeyAsync(now, activatesAt, cancellationToken);
        MarkStale();
        LogScheduled(_logger, successor.Id, activatesAt, signer.Id, expiresAt);
        return successor;
    }

    internal async Task<LoadedSigningKey> GetCurrentAsync(CancellationToken cancellationToken) => (await GetRingAsync(cancellationToken)).Current;

    internal async Task<LoadedSigningKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var ring = await GetRingAsync(cancellationToken);
        if (ring.Keys.TryGetValue(keyId, out var key))
        {
            return key;
        }

        if (_time.GetElapsedTime(ring.LoadedAt) < UnknownKeyReloadInterval)
        {
            return null;
        }

        ring = await ReloadAsync(cancellationToken);
        return ring.Keys.GetValueOrDefault(keyId);
    }

    /// <summary>The algorithms of the keys in use (for discovery's <c>id_token_signing_alg_values_supported</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The JWS algorithm names, such as <c>ES256</c>.</returns>
    public async Task<IReadOnlyCollection<string>> GetSigningAlgorithmsAsync(CancellationToken cancellationToken)
    {
        var ring = await GetRingAsync(cancellationToken);
        return ring.Algorithms;
    }

    /// <inheritdoc />
    public void Dispose() => _loadLock.Dispose();

    /// <summary>Makes the next use reload the keys: another node announced a new, rotated or retired key.</summary>
    internal void MarkStale() => _stale = true;

    private async Task<KeyRing> GetRingAsync(CancellationToken cancellationToken)
    {
        var ring = Volatile.Read(ref _ring);
        if (ring is not null && !_stale && _time.GetElapsedTime(ring.LoadedAt) < ReloadInterval && !(ring.ChangesAt <= _time.GetUtcNow()))
        {
            return ring;
        }

        if (ring is null)
        {
            return await ReloadAsync(cancellationToken);
        }

        try
        {
            return await ReloadAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The keys in memory are still good: a database outage must not stop token signing and validation.
            LogReloadFailed(_logger, ex);
            return ring;
        }
    }

    private async Task<KeyRing> ReloadAsync(CancellationToken cancellationToken)
    {
        var seen = Volatile.Read(ref _ring);
        await _loadLock.WaitAsync(cancellationToken);
        try
        {
            var current = Volatile.Read(ref _ring);
            if (current is not null && !_stale && !ReferenceEquals(current, seen) && _time.GetElapsedTime(current.LoadedAt) < UnknownKeyReloadInterval)
            {
                return current; // Another caller reloaded while this one waited.
            }

            _stale = false;

            var now = _time.GetUtcNow();
            var stored = await _store.ListUnexpiredAsync(now, cancellationToken);
            var algorithm = SigningKeyMaterial.Name(_options.SigningAlgorithm);
            var signer = PickSigner(stored, algorithm, now);
            if (signer is null)
            {
                signer = await CreateKeyAsync(now, cancellationToken);
                if (stored.Any(k => k.RetiredAt is null && k.Algorithm != algorithm))
                {
                    // The configured algorithm changed: keys of the old one stop signing and age out.
                    var expiresAt = now + TimeSpan.FromSeconds(ApplicationSettingsValidator.MaxAccessTokenLifetimeSeconds) + _options.ClockSkew;
                    await _store.RetireOthersAsync(signer.Id, now, expiresAt, cancellationToken);
                }

                stored = await _store.ListUnexpiredAsync(now, cancellationToken);
                signer = PickSigner(stored, algorithm, now) ?? signer;
            }

            var loaded = new Dictionary<string, LoadedSigningKey>(StringComparer.Ordinal);
            foreach (var key in stored)
            {
                if (current?.Keys.GetValueOrDefault(key.Id) is { } known && known.Stored.RetiredAt == key.RetiredAt)
                {
                    loaded[key.Id] = known;
                    continue;
                }

                if (key.Id == signer.Id)
                {
                    loaded[key.Id] = LoadSigner(key);
                    continue;
                }

                try
                {
                    loaded[key.Id] = SigningKeyMaterial.Load(key, _protector.Unprotect(key.ProtectedKey));
                }
                catch (CryptographicException ex)
                {
                    // A key this node cannot decrypt (another Data Protection key ring) is left out, not fatal.
                    LogUnreadableKey(_logger, key.Id, ex);
                }
            }

            if (!loaded.TryGetValue(signer.Id, out var signing))
            {
                signing = loaded[signer.Id] = LoadSigner(signer);
            }

            // A scheduled rotation switches signers at a set time: the ring is reloaded then, not up to a minute later.
            var changesAt = stored.SelectMany(k => new[] { ActivationOf(k), k.RetiredAt ?? DateTimeOffset.MaxValue }).Where(t => t > now).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
            var ring = new KeyRing(loaded, signing, [.. loaded.Values.Select(k => k.Algorithm).Distinct()], _time.GetTimestamp(),
                changesAt == DateTimeOffset.MaxValue ? null : changesAt);
            Volatile.Write(ref _ring, ring);
            return ring;
        }
        finally
        {
            _loadLock.Release();
        }
    }

    private LoadedSigningKey LoadSigner(SigningKey signer)
    {
        try
        {
            return SigningKeyMaterial.Load(signer, _protector.Unprotect(signer.ProtectedKey));
        }
        catch (CryptographicException ex)
        {
            // Without its signing key this node can neither sign nor accept tokens: stop, and say how to recover.
            throw new InvalidOperationException(
                $"JwtAuthKit cannot decrypt its signing key {signer.Id}: the Data Protection key that encrypted it is not in this node's key ring. "
                + "JwtAuthKit keeps the key ring in its own database (table jak_data_protection_keys) unless the application configures "
                + "another store with AddDataProtection().PersistKeysTo...; every node must use the same key ring and the same "
                + "application name (SetApplicationName). Restore the key ring that was in use, or, if it is lost, run the host's "
                + "'keys rotate' command (or SigningKeyManager.RotateAsync) to start signing with a new key: tokens signed with the old "
                + "key then stop working and users sign in again.", ex);
        }
    }

    private static SigningKey? PickSigner(IReadOnlyList<SigningKey> stored, string algorithm, DateTimeOffset now) =>
        stored.Where(k => (k.RetiredAt is null || k.RetiredAt > now) && ActivationOf(k) <= now && k.Algorithm == algorithm)
            .OrderByDescending(ActivationOf).ThenByDescending(k => k.Id, StringComparer.Ordinal)
            .FirstOrDefault();

    private static DateTimeOffset ActivationOf(SigningKey key) => key.ActivatesAt ?? key.CreatedAt;

    private async Task<SigningKey> CreateKeyAsync(DateTimeOffset now, CancellationToken cancellationToken) => await CreateKeyAsync(now, null, cancellationToken);

    private async Task<SigningKey> CreateKeyAsync(DateTimeOffset now, DateTimeOffset? activatesAt, CancellationToken cancellationToken)
    {
        var material = SigningKeyMaterial.Create(_options.SigningAlgorithm);
        try
        {
            var key = new SigningKey
            {
                Id = SecretTokens.Create(12),
                Algorithm = SigningKeyMaterial.Name(_options.SigningAlgorithm),
                ProtectedKey = _protector.Protect(material),
                CreatedAt = now,
                ActivatesAt = activatesAt,
            };
            await _store.AddAsync(key, cancellationToken);
            LogCreated(_logger, key.Id, key.Algorithm);
            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Created signing key {KeyId} ({Algorithm}).")]
    private static partial void LogCreated(ILogger logger, string keyId, string algorithm);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Rotated signing keys; {KeyId} signs from now on.")]
    private static partial void LogRotated(ILogger logger, string keyId);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Reloading signing keys failed; using the keys already loaded.")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Error, Message = "Signing key {KeyId} cannot be decrypted on this node (is the Data Protection key ring shared?); it is skipped.")]
    private static partial void LogUnreadableKey(ILogger logger, string keyId, Exception exception);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Information, Message = "Scheduled signing-key rotation: {KeyId} is published now and signs from {ActivatesAt:O}; {RetiringKeyId} stops signing then and is published until {ExpiresAt:O}.")]
    private static partial void LogScheduled(ILogger logger, string keyId, DateTimeOffset activatesAt, string retiringKeyId, DateTimeOffset expiresAt);

    private sealed record KeyRing(IReadOnlyDictionary<string, LoadedSigningKey> Keys, LoadedSigningKey Current, IReadOnlyCollection<string> Algorithms, long LoadedAt, DateTimeOffset? ChangesAt);
}
