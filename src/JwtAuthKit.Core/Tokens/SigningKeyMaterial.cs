using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace JwtAuthKit.Tokens;

/// <summary>Creates key material for each algorithm and turns stored material back into security keys and JWKs.</summary>
internal static class SigningKeyMaterial
{
    public static byte[] Create(SigningAlgorithm algorithm)
    {
        switch (algorithm)
        {
            case SigningAlgorithm.ES256:
                using (var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256))
                {
                    return ec.ExportPkcs8PrivateKey();
                }

            case SigningAlgorithm.RS256:
                using (var rsa = RSA.Create(2048))
                {
                    return rsa.ExportPkcs8PrivateKey();
                }

            case SigningAlgorithm.HS256:
                // RFC 7518 §3.2: an HS256 key must be at least 256 bits; 512 costs nothing more.
                return RandomNumberGenerator.GetBytes(64);

            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown signing algorithm.");
        }
    }

    public static LoadedSigningKey Load(SigningKey stored, byte[] material)
    {
        switch (stored.Algorithm)
        {
            case SecurityAlgorithms.EcdsaSha256:
            {
                var ec = ECDsa.Create();
                ec.ImportPkcs8PrivateKey(material, out _);
                var p = ec.ExportParameters(false);
                var jwk = new Dictionary<string, string>
                {
                    ["kty"] = "EC", ["use"] = "sig", ["alg"] = stored.Algorithm, ["kid"] = stored.Id, ["crv"] = "P-256",
                    ["x"] = SecretTokens.Base64Url(p.Q.X), ["y"] = SecretTokens.Base64Url(p.Q.Y),
                };
                return new LoadedSigningKey(stored, new ECDsaSecurityKey(ec) { KeyId = stored.Id }, jwk);
            }

            case SecurityAlgorithms.RsaSha256:
            {
                var rsa = RSA.Create();
                rsa.ImportPkcs8PrivateKey(material, out _);
                var p = rsa.ExportParameters(false);
                var jwk = new Dictionary<string, string>
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["alg"] = stored.Algorithm, ["kid"] = stored.Id,
                    ["n"] = SecretTokens.Base64Url(p.Modulus), ["e"] = SecretTokens.Base64Url(p.Exponent),
                };
                return new LoadedSigningKey(stored, new RsaSecurityKey(rsa) { KeyId = stored.Id }, jwk);
            }

            case SecurityAlgorithms.HmacSha256:
                // Symmetric keys are never published.
                return new LoadedSigningKey(stored, new SymmetricSecurityKey(material) { KeyId = stored.Id }, null);

            default:
                throw new InvalidOperationException($"Stored signing key {stored.Id} has an unsupported algorithm.");
        }
    }

    public static string Name(SigningAlgorithm algorithm) => algorithm switch
    {
        SigningAlgorithm.ES256 => SecurityAlgorithms.EcdsaSha256,
        SigningAlgorithm.RS256 => SecurityAlgorithms.RsaSha256,
        SigningAlgorithm.HS256 => SecurityAlgorithms.HmacSha256,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown signing algorithm."),
    };
}
