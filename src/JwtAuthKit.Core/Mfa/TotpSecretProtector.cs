using Microsoft.AspNetCore.DataProtection;

namespace JwtAuthKit.Mfa;

/// <summary>Encrypts TOTP secrets with ASP.NET Core Data Protection, under a purpose of their own.</summary>
internal sealed class TotpSecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("JwtAuthKit.Mfa.TotpSecret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
