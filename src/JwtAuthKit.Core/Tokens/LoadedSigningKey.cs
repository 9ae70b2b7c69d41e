using Microsoft.IdentityModel.Tokens;

namespace JwtAuthKit.Tokens;

/// <summary>A signing key decrypted into memory, with its public JWK (none for HMAC keys).</summary>
internal sealed record LoadedSigningKey(SigningKey Stored, SecurityKey SecurityKey, IReadOnlyDictionary<string, string>? PublicJwk)
{
    public string KeyId => Stored.Id;

    public string Algorithm => Stored.Algorithm;
}
