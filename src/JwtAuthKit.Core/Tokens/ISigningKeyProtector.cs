namespace JwtAuthKit.Tokens;

/// <summary>
/// Encrypts the private part of signing keys before they are stored. The ASP.NET Core package's default uses
/// ASP.NET Core Data Protection.
/// </summary>
public interface ISigningKeyProtector
{
    /// <summary>Encrypts key material.</summary>
    /// <param name="keyMaterial">The private key bytes.</param>
    /// <returns>The protected form, safe to store.</returns>
    string Protect(byte[] keyMaterial);

    /// <summary>Decrypts key material stored by <see cref="Protect"/>.</summary>
    /// <param name="protectedKey">The protected form.</param>
    /// <returns>The private key bytes.</returns>
    byte[] Unprotect(string protectedKey);
}
