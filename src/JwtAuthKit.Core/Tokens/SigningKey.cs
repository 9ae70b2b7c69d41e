namespace JwtAuthKit.Tokens;

/// <summary>A token-signing key as stored: the private part only in protected (encrypted) form.</summary>
public sealed class SigningKey
{
    /// <summary>The key id, the <c>kid</c> of the tokens it signs.</summary>
    public required string Id { get; init; }

    /// <summary>The JWS algorithm (<c>ES256</c>, <c>RS256</c>, <c>HS256</c>).</summary>
    public required string Algorithm { get; init; }

    /// <summary>The private key (PKCS#8) or HMAC secret, encrypted by <see cref="ISigningKeyProtector"/>.</summary>
    public required string ProtectedKey { get; init; }

    /// <summary>When the key was created (and published).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// When a key made by a scheduled rotation starts signing; until then it is only published, so resource servers
    /// know it first. <see langword="null"/>: it signs from <see cref="CreatedAt"/>.
    /// </summary>
    public DateTimeOffset? ActivatesAt { get; init; }

    /// <summary>When a newer key replaces (or replaced) it for signing; it is still published until <see cref="ExpiresAt"/>.</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    /// <summary>When the last token it signed has expired, so it is no longer published.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}
