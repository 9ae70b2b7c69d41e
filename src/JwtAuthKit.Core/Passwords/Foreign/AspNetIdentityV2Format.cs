using System.Security.Cryptography;
using System.Text;

namespace JwtAuthKit.Passwords.Foreign;

/// <summary>
/// ASP.NET Core Identity's version 2 hash (also ASP.NET Identity 2 on .NET Framework): base64 of
/// <c>0x00 | salt (16 bytes) | subkey (32 bytes)</c>, PBKDF2-HMAC-SHA1 with 1000 iterations.
/// </summary>
internal sealed class AspNetIdentityV2Format : IForeignHashFormat
{
    private const int SaltLength = 16;
    private const int SubkeyLength = 32;
    private const int Iterations = 1000;

    public string Name => "aspnet-identity-v2";

    public bool Recognizes(string hash) => Decode(hash) is not null;

    public bool Verify(string hash, string password)
    {
        if (Decode(hash) is not { } bytes)
        {
            return false;
        }

        var salt = bytes.AsSpan(1, SaltLength);
        var expected = bytes.AsSpan(1 + SaltLength, SubkeyLength);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA1, SubkeyLength);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static byte[]? Decode(string hash)
    {
        if (hash.Length != 68 || !hash.EndsWith("==", StringComparison.Ordinal))
        {
            return null;
        }

        var bytes = new byte[1 + SaltLength + SubkeyLength];
        return Convert.TryFromBase64String(hash, bytes, out var written) && written == bytes.Length && bytes[0] == 0x00 ? bytes : null;
    }
}
