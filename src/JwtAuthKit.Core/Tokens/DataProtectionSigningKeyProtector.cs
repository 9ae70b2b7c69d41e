using Microsoft.AspNetCore.DataProtection;

namespace JwtAuthKit.Tokens;

/// <summary>Encrypts signing keys with ASP.NET Core Data Protection, under a purpose of their own.</summary>
internal sealed class DataProtectionSigningKeyProtector(IDataProtectionProvider provider) : ISigningKeyProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("JwtAuthKit.SigningKeys.v1");

    public string Protect(byte[] keyMaterial) => Convert.ToBase64String(_protector.Protect(keyMaterial));

    public byte[] Unprotect(string protectedKey) => _protector.Unprotect(Convert.FromBase64String(protectedKey));
}
