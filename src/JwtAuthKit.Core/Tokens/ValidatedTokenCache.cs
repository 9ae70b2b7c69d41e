using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Tokens;

/// <summary>
/// Access tokens whose signature, issuer, type and audience were checked, keyed by the SHA-256 of the compact JWS, so a
/// token seen again skips the parse and the signature verification. What can change while a token lives (its lifetime
/// on the <see cref="TimeProvider"/>, its signing key, its application, the session's revocation, the user's roles) is
/// not cached: <see cref="AccessTokenValidator"/> checks it on every request. Only tokens that passed every check are
/// added; a refused one is verified again each time, as before.
/// </summary>
/// <remarks>
/// The key is a hash of the whole token, so a token differing in any byte (its signature included) is a miss and is
/// verified in full; the token itself is not kept. The size is bounded: when full, expired entries go, and if none
/// did, everything goes, so a flood of distinct valid tokens costs at most <c>ValidatedTokenCacheSize</c> entries.
/// An entry is never used after its token's expiry: it is removed when found expired, and a sweep on adding (at most
/// once a minute, or when full) removes the expired ones nobody asked for again.
/// </remarks>
internal sealed class ValidatedTokenCache(IOptions<JwtAuthKitOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<TokenDigest, ValidatedToken> _entries = new();
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);
    private readonly int _capacity = options.Value.ValidatedTokenCacheSize;
    private long _nextSweep = time.GetUtcNow().Add(SweepInterval).UtcTicks;

    public bool Enabled => _capacity > 0;

    public int Count => _entries.Count;

    public static TokenDigest Digest(string token)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(token.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(token, buffer);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, length), hash);
            var words = MemoryMarshal.Cast<byte, ulong>(hash);
            return new TokenDigest(words[0], words[1], words[2], words[3]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public bool TryGet(TokenDigest digest, out ValidatedToken token) => _entries.TryGetValue(digest, out token!);

    public void Remove(TokenDigest digest) => _entries.TryRemove(digest, out _);

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

    public void Add(TokenDigest digest, ValidatedToken token)
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

        _entries[digest] = token;
    }
}

/// <summary>The SHA-256 of a compact JWS, as four words (a value key: no allocation per lookup).</summary>
internal readonly record struct TokenDigest(ulong A, ulong B, ulong C, ulong D);

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
