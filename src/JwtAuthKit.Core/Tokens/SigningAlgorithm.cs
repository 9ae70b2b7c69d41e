namespace JwtAuthKit.Tokens;

/// <summary>The JWS algorithm that signs access tokens (RFC 7518).</summary>
public enum SigningAlgorithm
{
    /// <summary>ECDSA with P-256 and SHA-256: small, fast, and the default.</summary>
    ES256 = 0,

    /// <summary>RSASSA-PKCS1-v1_5 with SHA-256 and a 2048-bit key, for resource servers that only know RSA.</summary>
    RS256 = 1,

    /// <summary>HMAC with SHA-256. Only when chosen explicitly: resource servers cannot validate it from the JWKS.</summary>
    HS256 = 2,
}
