namespace JwtAuthKit.Passwords;

/// <summary>Which Argon2id implementation computes hashes. Both write and read the same PHC strings.</summary>
public enum Argon2Implementation
{
    /// <summary>
    /// libsodium's native Argon2id (through Geralt), with SIMD; falls back to <see cref="Managed"/> for a stored hash
    /// libsodium cannot compute (more than one lane, or a salt that is not 16 bytes long) and where the native library
    /// cannot be loaded.
    /// </summary>
    Libsodium = 1,

    /// <summary>The managed Konscious implementation: no native code.</summary>
    Managed = 0,
}
