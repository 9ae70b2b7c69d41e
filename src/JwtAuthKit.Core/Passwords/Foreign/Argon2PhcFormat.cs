using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;

namespace JwtAuthKit.Passwords.Foreign;

/// <summary>
/// Argon2i and Argon2id (version 19) in the PHC string format, with any parameters within bounds:
/// <c>$argon2i$v=19$m=…,t=…,p=…$salt$hash</c> (argon2-cffi, libsodium, the reference <c>argon2</c> tool, PHP), and
/// Django's <c>Argon2PasswordHasher</c>, which prefixes the same string with <c>argon2</c>. Our own Argon2id hashes
/// never get here: the native hasher reads them first.
/// </summary>
internal sealed class Argon2PhcFormat : IForeignHashFormat
{
    private const string DjangoPrefix = "argon2$";

    public string Name => "argon2";

    public bool Recognizes(string hash) => Parse(hash) is not null;

    public bool Verify(string hash, string password)
    {
        if (Parse(hash) is not { } parsed)
        {
            return false;
        }

        var bytes = Encoding.UTF8.GetBytes(password);
        try
        {
            using Argon2 argon = parsed.Id ? new Argon2id(bytes) : new Argon2i(bytes);
            argon.Salt = parsed.Salt;
            argon.MemorySize = parsed.MemoryKiB;
            argon.Iterations = parsed.Iterations;
            argon.DegreeOfParallelism = parsed.Parallelism;
            return CryptographicOperations.FixedTimeEquals(argon.GetBytes(parsed.Hash.Length), parsed.Hash);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private static Parsed? Parse(string hash)
    {
        var phc = hash.StartsWith(DjangoPrefix, StringComparison.Ordinal) ? hash[(DjangoPrefix.Length - 1)..] : hash;
        var parts = phc.Split('$');
        if (parts.Length != 6 || parts[0].Length != 0 || parts[1] is not ("argon2i" or "argon2id") || parts[2] != "v=19")
        {
            return null;
        }

        int m = 0, t = 0, p = 0;
        foreach (var pair in parts[3].Split(','))
        {
            var kv = pair.Split('=');
            if (kv.Length != 2 || !int.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                return null;
            }

            switch (kv[0])
            {
                case "m" when m == 0: m = n; break;
                case "t" when t == 0: t = n; break;
                case "p" when p == 0: p = n; break;
                default: return null;
            }
        }

        // The same bounds as our own hashes: no crafted row may demand unbounded memory or time.
        if (m is < 8 or > 1_048_576 || m < 8 * p || t is < 1 or > 100 || p is < 1 or > 64)
        {
            return null;
        }

        var salt = Decode(parts[4]);
        var bytes = Decode(parts[5]);
        return salt is { Length: >= ForeignHashBounds.MinSaltBytes } && bytes is { Length: >= 4 and <= ForeignHashBounds.MaxDerivedBytes }
            ? new Parsed(parts[1] == "argon2id", m, t, p, salt, bytes)
            : null;
    }

    private static byte[]? Decode(string text)
    {
        if (text.Length == 0 || text.Contains('=', StringComparison.Ordinal))
        {
            return null;
        }

        var padded = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        var buffer = new byte[padded.Length * 3 / 4];
        return Convert.TryFromBase64String(padded, buffer, out var written) ? buffer[..written] : null;
    }

    private sealed record Parsed(bool Id, int MemoryKiB, int Iterations, int Parallelism, byte[] Salt, byte[] Hash);
}
