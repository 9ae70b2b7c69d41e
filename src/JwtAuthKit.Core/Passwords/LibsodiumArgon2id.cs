namespace JwtAuthKit.Passwords;

/// <summary>
/// Raw Argon2id (RFC 9106, version 0x13) from libsodium's <c>crypto_pwhash</c> through Geralt. libsodium computes only
/// one lane and takes only 16-byte salts, so <see cref="CanCompute"/> tells which stored parameters it can reproduce;
/// the rest go to the managed implementation, which gives the same bytes for the same inputs.
/// </summary>
internal static class LibsodiumArgon2id
{
    private static readonly Lazy<bool> Loaded = new(TryLoad);

    /// <summary>Whether the native library loaded on this machine (checked once, with the RFC 9106 shape of a call).</summary>
    public static bool IsAvailable => Loaded.Value;

    public static bool CanCompute(int saltLength, int iterations, int memoryKiB, int parallelism, int length) =>
        parallelism == 1 && saltLength == Geralt.Argon2id.SaltSize && iterations >= Geralt.Argon2id.MinIterations
        && (long)memoryKiB * 1024 >= Geralt.Argon2id.MinMemorySize && (long)memoryKiB * 1024 <= int.MaxValue
        && length >= Geralt.Argon2id.MinKeySize && IsAvailable;

    public static byte[] Compute(byte[] password, byte[] salt, int memoryKiB, int iterations, int length)
    {
        var output = new byte[length];
        Geralt.Argon2id.DeriveKey(output, password, salt, iterations, memoryKiB * 1024);
        return output;
    }

    private static bool TryLoad()
    {
        try
        {
            Compute([1], new byte[Geralt.Argon2id.SaltSize], 8, 1, 16);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or TypeInitializationException)
        {
            return false;
        }
    }
}
