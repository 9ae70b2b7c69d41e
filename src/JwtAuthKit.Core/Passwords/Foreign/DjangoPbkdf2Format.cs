using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JwtAuthKit.Passwords.Foreign;

/// <summary>
/// Django's <c>PBKDF2PasswordHasher</c> and <c>PBKDF2SHA1PasswordHasher</c>:
/// <c>pbkdf2_sha256$iterations$salt$base64(hash)</c> (or <c>pbkdf2_sha1$…</c>), where the salt is text used as its UTF-8
/// bytes and the derived key is the digest's length (django/contrib/auth/hashers.py).
/// </summary>
internal sealed class DjangoPbkdf2Format : IForeignHashFormat
{
    public string Name => "django-pbkdf2";

    public bool Recognizes(string hash) => Parse(hash) is not null;

    public bool Verify(string hash, string password)
    {
        if (Parse(hash) is not { } parsed)
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(parsed.Salt), parsed.Iterations, parsed.Algorithm, parsed.Hash.Length);
        return CryptographicOperations.FixedTimeEquals(actual, parsed.Hash);
    }

    private static Parsed? Parse(string hash)
    {
        var parts = hash.Split('$');
        if (parts.Length != 4)
        {
            return null;
        }

        (HashAlgorithmName algorithm, int length)? kind = parts[0] switch
        {
            "pbkdf2_sha256" => (HashAlgorithmName.SHA256, 32),
            "pbkdf2_sha1" => (HashAlgorithmName.SHA1, 20),
            _ => null,
        };
        if (kind is null || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            || iterations is < 1 or > ForeignHashBounds.MaxPbkdf2Iterations || parts[2].Length == 0)
        {
            return null;
        }

        var bytes = new byte[kind.Value.length + 2];
        return Convert.TryFromBase64String(parts[3], bytes, out var written) && written == kind.Value.length
            ? new Parsed(kind.Value.algorithm, iterations, parts[2], bytes[..written])
            : null;
    }

    private sealed record Parsed(HashAlgorithmName Algorithm, int Iterations, string Salt, byte[] Hash);
}
