namespace JwtAuthKit.Email;

/// <summary>Encrypts message bodies in the outbox. The ASP.NET Core package's default uses Data Protection.</summary>
public interface IEmailContentProtector
{
    /// <summary>Encrypts a body.</summary>
    /// <param name="content">The body.</param>
    /// <returns>The protected form.</returns>
    string Protect(string content);

    /// <summary>Decrypts a body.</summary>
    /// <param name="protectedContent">The protected form.</param>
    /// <returns>The body.</returns>
    string Unprotect(string protectedContent);
}
