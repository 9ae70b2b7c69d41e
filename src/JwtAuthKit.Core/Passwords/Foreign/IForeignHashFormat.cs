namespace JwtAuthKit.Passwords.Foreign;

/// <summary>
/// One password-hash format of another system, recognised by its shape and verified with that system's own algorithm
/// and parameters. Verification is CPU-bound and synchronous; the caller bounds how many run at once.
/// </summary>
internal interface IForeignHashFormat
{
    /// <summary>A short name for reports and documentation (<c>aspnet-identity-v3</c>, <c>django-pbkdf2</c>, …).</summary>
    string Name { get; }

    /// <summary>Whether <paramref name="hash"/> is well-formed in this format, with parameters within our bounds.</summary>
    bool Recognizes(string hash);

    /// <summary>Whether <paramref name="password"/> matches <paramref name="hash"/>, compared in constant time.</summary>
    bool Verify(string hash, string password);
}
