using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Tokens;

/// <summary>
/// Access tokens whose signature, issuer, type and audience were checked, keyed by the compact JWS itself (compared
/// ordinally, in full), so a token seen again skips the parse and the signature verification. What can change while a token lives (its lifetime
/// on the <see cref="TimeProvider"/>, its signing key, its application, the session's revocation, the user's roles) is
/// not cached: <see cref="AccessTokenValidator"/> checks it on every request. Only tokens that passed every check are
/// added; a refused one is verified again each time, as before.
/// </summary>
/// <remarks>
/// The key is the whole token, so a token differing in any character (its signature included) is a miss and is
/// verified in full. It was the SHA-256 of the token; hashing through OpenSSL cost about 1.3 µs a request, a twentieth
/// of an <c>[Authorize]</c> request's CPU, where the dictionary's own string hash and one comparison cost a fraction of
/// that, and an exact match is a stricter key than a digest. An entry keeps its token (about 1.2 KB) until it expires. The size is bounded: when full, expired entries go, and if none
/// did, everything goes, so a flood of distinct valid tokens costs at most <c>ValidatedTokenCacheSize</c> entries.
/// An entry is never used after its token's expiry: it is removed when found expired, and a sweep on adding (at most
/// once a minute, or when full) removes the expired ones nobody asked for again.
/// </remarks>
internal sealed class ValidatedTokenCache(IOptions<JwtAuthKitOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ValidatedToken> _entries = new(StringComparer.Ordinal);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);
    private readonly int _capacity = options.Value.ValidatedTokenCacheSize;
    private long _nextSweep = time.GetUtcNow().Add(SweepInterval).UtcTicks;

    public bool Enabled => _capacity > 0;

    public int Count => _entries.Count;

    public bool TryGet(string token, out ValidatedToken validated) => _entries.TryGetValue(token, out validated!);

    public void Remove(string token) => _entries.TryRemove(token, out _);

    private void RemoveExpired(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    public void Add(string token, ValidatedToken validated)
    {
        if (!Enabled)
        {
            return;
        }

        var now = time.GetUtcNow();
        var nextSweep = Interlocked.Read(ref _nextSweep);
        if (_entries.Count >= _capacity
            || (now.UtcTicks >= nextSweep && Interlocked.CompareExchange(ref _nextSweep, now.Add(SweepInterval).UtcTicks, nextSweep) == nextSweep))
        {
            RemoveExpired(now);
            if (_entries.Count >= _capacity)
            {
                _entries.Clear();
            }
        }

        _entries[token] = validated;
    }
}

/// <summary>
/// What a verified token says that cannot change: its claims (an identity never handed out; each request gets a copy),
/// the key that signed it, its application, session, subject and times.
/// </summary>
internal sealed record ValidatedToken(
    ClaimsIdentity Identity,
    string KeyId,
    string ClientId,
    string SessionId,
    string Subject,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? NotBefore);
