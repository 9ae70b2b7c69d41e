namespace JwtAuthKit.Passwords;

/// <summary>
/// A hash of a random password with the current parameters, verified against when an email is unknown so that
/// an unknown account costs the same time as a wrong password (OWASP ASVS 2.2.x, no account enumeration).
/// </summary>
internal sealed class DummyPasswordHash(IPasswordHasher hasher)
{
    private readonly Lazy<Task<string>> _hash = new(() => hasher.HashAsync(SecretTokens.Create(16), CancellationToken.None));

    public async Task SpendVerificationAsync(string password, CancellationToken cancellationToken) =>
        await hasher.VerifyAsync(await _hash.Value, password, cancellationToken);
}
