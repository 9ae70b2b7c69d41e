using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace JwtAuthKit.Passwords.Foreign;

/// <summary>
/// ASP.NET Core Identity's version 3 hash: base64 of <c>0x01 | PRF (uint32 BE) | iterations (uint32 BE) |
/// salt length (uint32 BE) | salt | subkey</c>, PBKDF2 with HMAC-SHA1 (0), HMAC-SHA256 (1) or HMAC-SHA512 (2). Every
/// iteration count is read from the hash (Identity 2 on .NET Core used 10,000 with SHA256, .NET 7+ 100,000 with SHA512).
/// </summary>
internal sealed class AspNetIdentityV3Format : IForeignHashFormat
{
    private const int HeaderLength = 13;

    public string Name => "aspnet-identity-v3";

    public bool Recognizes(string hash) => Parse(hash) is not null;

    public bool Verify(string hash, string password)
    {
        if (Parse(hash) is not { } parsed)
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), parsed.Salt, parsed.Iterations, parsed.Prf, parsed.Subkey.Length);
        return CryptographicOperations.FixedTimeEquals(actual, parsed.Subkey);
    }

    private static Parsed? Parse(string hash)
    {
        if (hash.Length is < 24 or > 1024 || hash.Contains('$', StringComparison.Ordinal))
        {
            return null;
        }

        var bytes = new byte[hash.Length * 3 / 4];
        if (!Convert.TryFromBase64String(hash, bytes, out var written) || written < HeaderLength || bytes[0] != 0x01)
        {
            return null;
        }

        var data = bytes.AsSpan(0, written);
        HashAlgorithmName? prf = BinaryPrimitives.ReadUInt32BigEndian(data[1..]) switch
        {
            0 => HashAlgorithmName.SHA1,
            1 => HashAlgorithmName.SHA256,
            2 => HashAlgorithmName.SHA512,
            _ => null,
        };
        var iterations = BinaryPrimitives.ReadUInt32BigEndian(data[5..]);
        var saltLength = BinaryPrimitives.ReadUInt32BigEndian(data[9..]);
        if (prf is null || iterations < 1 || iterations > ForeignHashBounds.MaxPbkdf2Iterations
            || saltLength < ForeignHashBounds.MinSaltBytes || saltLength > (uint)(written - HeaderLength))
        {
            return null;
        }

        var subkeyLength = written - HeaderLength - (int)saltLength;
        if (subkeyLength is < ForeignHashBounds.MinDerivedBytes or > ForeignHashBounds.MaxDerivedBytes)
        {
            return null;
        }

        return new Parsed(prf.Value, (int)iterations, data.Slice(HeaderLength, (int)saltLength).ToArray(), data[(HeaderLength + (int)saltLength)..].ToArray());
    }

    private sealed record Parsed(HashAlgorithmName Prf, int Iterations, byte[] Salt, byte[] Subkey);
}
