using System.Security.Cryptography;
using System.Text;

namespace JwtAuthKit.Passwords.Foreign;

/// <summary>
/// Django's <c>BCryptSHA256PasswordHasher</c> (<c>bcrypt_sha256$$2b$…</c>: bcrypt of the lower-case hex SHA-256 of the
/// password, so long passwords are not cut at 72 bytes) and <c>BCryptPasswordHasher</c> (<c>bcrypt$$2b$…</c>: bcrypt
/// of the password itself), as in django/contrib/auth/hashers.py.
/// </summary>
internal sealed class DjangoBcryptFormat : IForeignHashFormat
{
    private const string Sha256Prefix = "bcrypt_sha256$";
    private const string PlainPrefix = "bcrypt$";

    public string Name => "django-bcrypt";

    public bool Recognizes(string hash) => Split(hash) is { } inner && BcryptFormat.IsBcrypt(inner.Bcrypt);

    public bool Verify(string hash, string password)
    {
        if (Split(hash) is not { } inner)
        {
            return false;
        }

        var input = inner.PreHashed ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password))) : password;
        return BcryptFormat.Matches(inner.Bcrypt, input);
    }

    private static (bool PreHashed, string Bcrypt)? Split(string hash) =>
        hash.StartsWith(Sha256Prefix, StringComparison.Ordinal) ? (true, hash[Sha256Prefix.Length..])
        : hash.StartsWith(PlainPrefix, StringComparison.Ordinal) ? (false, hash[PlainPrefix.Length..])
        : null;
}
