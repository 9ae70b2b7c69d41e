using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace JwtAuthKit.Email;

/// <summary>Encrypts outbox message bodies with ASP.NET Core Data Protection, under a purpose of their own.</summary>
internal sealed class DataProtectionEmailContentProtector(IDataProtectionProvider provider) : IEmailContentProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("JwtAuthKit.Email.v1");

    public string Protect(string content) => Convert.ToBase64String(_protector.Protect(Encoding.UTF8.GetBytes(content)));

    public string Unprotect(string protectedContent) => Encoding.UTF8.GetString(_protector.Unprotect(Convert.FromBase64String(protectedContent)));
}
