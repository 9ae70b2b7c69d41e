using System.Globalization;

namespace JwtAuthKit.Passwords;

/// <summary>
/// An Argon2id hash in the PHC string format (<c>$argon2id$v=19$m=…,t=…,p=…$salt$hash</c>, unpadded base64),
/// the form other Argon2 implementations (libsodium, argon2-cffi, Konscious) read and write.
/// </summary>
internal sealed record Argon2idHash(int MemorySizeKiB, int Iterations, int Parallelism, byte[] Salt, byte[] Hash)
{
    private const string Prefix = "$argon2id$v=19$";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Prefix}m={MemorySizeKiB},t={Iterations},p={Parallelism}${Encode(Salt)}${Encode(Hash)}");

    public static bool TryParse(string value, out Argon2idHash? hash)
    {
        hash = null;
        if (!value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = value[Prefix.Length..].Split('$');
        if (parts.Length != 3)
        {
            return false;
        }

        int m = 0, t = 0, p = 0;
        foreach (var pair in parts[0].Split(','))
        {
            var kv = pair.Split('=');
            if (kv.Length != 2 || !int.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                return false;
            }

            switch (kv[0])
            {
                case "m": m = n; break;
                case "t": t = n; break;
                case "p": p = n; break;
                default: return false;
            }
        }

        // Bounds stop a crafted hash from demanding unbounded memory or time.
        if (m is < 8 or > 1_048_576 || t is < 1 or > 100 || p is < 1 or > 64)
        {
            return false;
        }

        var salt = Decode(parts[1]);
        var bytes = Decode(parts[2]);
        if (salt is null || bytes is null || salt.Length < 8 || bytes.Length < 16)
        {
            return false;
        }

        hash = new Argon2idHash(m, t, p, salt, bytes);
        return true;
    }

    private static string Encode(byte[] data) => Convert.ToBase64String(data).TrimEnd('=');

    private static byte[]? Decode(string text)
    {
        var padded = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
