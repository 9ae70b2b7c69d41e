using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace JwtAuthKit.Passwords.Foreign;

/// <summary>
/// bcrypt in the modular crypt format <c>$2a$</c>, <c>$2b$</c> or <c>$2y$</c> (OpenBSD, PHP <c>password_hash</c>,
/// Node's bcrypt, Auth0 and Supabase exports), computed by BCrypt.Net-Next. Django's <c>bcrypt$</c> and
/// <c>bcrypt_sha256$</c> forms wrap the same string; see <see cref="DjangoBcryptFormat"/>.
/// </summary>
internal sealed partial class BcryptFormat : IForeignHashFormat
{
    public string Name => "bcrypt";

    public bool Recognizes(string hash) => IsBcrypt(hash);

    public bool Verify(string hash, string password) => Matches(hash, password);

    internal static bool IsBcrypt(string hash)
    {
        var match = Shape().Match(hash);
        return match.Success && int.Parse(match.Groups[1].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture) is >= ForeignHashBounds.MinBcryptCost and <= ForeignHashBounds.MaxBcryptCost;
    }

    /// <summary>Recomputes with the stored cost and salt and compares everything after the version letter in constant time.</summary>
    internal static bool Matches(string hash, string password)
    {
        if (!IsBcrypt(hash))
        {
            return false;
        }

        string computed;
        try
        {
            computed = BCrypt.Net.BCrypt.HashPassword(password, hash[..29]);
        }
        catch (BCrypt.Net.SaltParseException)
        {
            return false;
        }

        // $2a$, $2b$ and $2y$ compute the same for passwords under 256 bytes; only cost, salt and hash are compared.
        return computed.Length == hash.Length
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed[4..]), Encoding.ASCII.GetBytes(hash[4..]));
    }

    [GeneratedRegex(@"^\$2[aby]\$(\d\d)\$[./A-Za-z0-9]{53}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
