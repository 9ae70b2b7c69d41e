namespace JwtAuthKit.Passwords;

/// <summary>Hashes and verifies passwords. The default is <c>Argon2idPasswordHasher</c>.</summary>
public interface IPasswordHasher
{
    /// <summary>Hashes a password with the current parameters.</summary>
    /// <param name="password">The password.</param>
    /// <param name="cancellationToken">Cancels the wait for a hashing slot.</param>
    /// <returns>A self-describing hash string (for Argon2id, the PHC string form).</returns>
    Task<string> HashAsync(string password, CancellationToken cancellationToken);

    /// <summary>Verifies a password against a stored hash, in constant time.</summary>
    /// <param name="hash">The stored hash.</param>
    /// <param name="password">The password presented.</param>
    /// <param name="cancellationToken">Cancels the wait for a hashing slot.</param>
    /// <returns>Whether it matched, and whether the hash should be recomputed with the current parameters.</returns>
    Task<PasswordVerificationResult> VerifyAsync(string hash, string password, CancellationToken cancellationToken);
}
