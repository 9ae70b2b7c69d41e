using System.Security.Cryptography;
using System.Text;

namespace JwtAuthKit;

/// <summary>Creates high-entropy opaque secrets and the hashes under which they are stored.</summary>
internal static class SecretTokens
{
    /// <summary>A random string carrying <paramref name="bytes"/> bytes of entropy, URL-safe base64.</summary>
    public static string Create(int bytes = 32) => Base64Url(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>
    /// The lowercase hex SHA-256 of a secret. A fast hash is right here: these secrets carry 256 bits of
    /// entropy, so nothing can be guessed from the hash (unlike passwords, which get Argon2id).
    /// </summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string Base64Url(ReadOnlySpan<byte> data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
