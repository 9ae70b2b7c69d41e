namespace JwtAuthKit.Passwords;

/// <summary>Argon2id parameters (OWASP Password Storage Cheat Sheet) and the bound on concurrent hashing.</summary>
public sealed class PasswordHashingOptions
{
    /// <summary>Memory per hash in KiB. <value>The default value is 19,456 (19 MiB).</value></summary>
    public int MemorySizeKiB { get; set; } = 19_456;

    /// <summary>Passes over memory. <value>The default value is 2.</value></summary>
    public int Iterations { get; set; } = 2;

    /// <summary>Lanes. <value>The default value is 1.</value></summary>
    public int Parallelism { get; set; } = 1;

    /// <summary>
    /// How many hashes may run at once; further requests wait, so a flood of sign-ins cannot exhaust memory.
    /// <value>The default value is the number of processors.</value>
    /// </summary>
    public int MaxConcurrentHashes { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Which Argon2id implementation computes hashes; either verifies the other's hashes. libsodium's is about three
    /// times faster (docs/decisions.md) and is used wherever its native library loads (it ships for linux-x64, linux-arm64,
    /// musl, Windows and macOS); <see cref="Argon2Implementation.Managed"/> runs no native code.
    /// <value>The default value is <see cref="Argon2Implementation.Libsodium"/>.</value>
    /// </summary>
    public Argon2Implementation Implementation { get; set; } = Argon2Implementation.Libsodium;

    /// <summary>Longest accepted password, in characters; longer ones are refused before hashing. <value>The default value is 1024.</value></summary>
    public int MaxPasswordLength { get; set; } = 1024;
}
