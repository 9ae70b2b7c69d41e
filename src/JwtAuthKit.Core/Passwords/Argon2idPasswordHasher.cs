using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Passwords;

/// <summary>
/// Argon2id password hashing (RFC 9106) with the OWASP parameters by default, PHC string output,
/// constant-time comparison, and a bound on how many hashes run at once. The bytes come from libsodium or from the
/// managed Konscious implementation (<see cref="PasswordHashingOptions.Implementation"/>); both give the same hash for the
/// same inputs, so a hash written by one verifies with the other.
/// </summary>
internal sealed class Argon2idPasswordHasher : IPasswordHasher, IDisposable
{
    private const int SaltLength = 16;
    private const int HashLength = 32;
    private readonly PasswordHashingOptions _options;
    private readonly SemaphoreSlim _slots;

    public Argon2idPasswordHasher(IOptions<JwtAuthKitOptions> options)
    {
        _options = options.Value.PasswordHashing;
        _slots = new SemaphoreSlim(_options.MaxConcurrentHashes, _options.MaxConcurrentHashes);
    }

    public async Task<string> HashAsync(string password, CancellationToken cancellationToken)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        var hash = await ComputeBoundedAsync(password, salt, _options.MemorySizeKiB, _options.Iterations, _options.Parallelism, HashLength, cancellationToken);
        return new Argon2idHash(_options.MemorySizeKiB, _options.Iterations, _options.Parallelism, salt, hash).ToString();
    }

    public async Task<PasswordVerificationResult> VerifyAsync(string hash, string password, CancellationToken cancellationToken)
    {
        if (!Argon2idHash.TryParse(hash, out var stored) || stored is null)
        {
            return PasswordVerificationResult.Failed;
        }

        var actual = await ComputeBoundedAsync(password, stored.Salt, stored.MemorySizeKiB, stored.Iterations, stored.Parallelism, stored.Hash.Length, cancellationToken);
        if (!CryptographicOperations.FixedTimeEquals(actual, stored.Hash))
        {
            return PasswordVerificationResult.Failed;
        }

        var current = stored.MemorySizeKiB == _options.MemorySizeKiB && stored.Iterations == _options.Iterations
            && stored.Parallelism == _options.Parallelism && stored.Hash.Length == HashLength;
        return current ? PasswordVerificationResult.Success : PasswordVerificationResult.SuccessRehashNeeded;
    }

    /// <summary>Hashing slots free right now (for tests and diagnostics).</summary>
    internal int AvailableSlots => _slots.CurrentCount;

    public void Dispose() => _slots.Dispose();

    /// <summary>Raw Argon2id (RFC 9106), exposed for the RFC test vector.</summary>
    internal static byte[] Compute(byte[] password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length, byte[]? secret = null, byte[]? associatedData = null)
    {
        using var argon = new Argon2id(password)
        {
            Salt = salt,
            MemorySize = memoryKiB,
            Iterations = iterations,
            DegreeOfParallelism = parallelism,
            KnownSecret = secret,
            AssociatedData = associatedData,
        };
        return argon.GetBytes(length);
    }

    /// <summary>Whether this hasher computes these parameters with libsodium (for tests).</summary>
    internal bool UsesLibsodium(int saltLength, int memoryKiB, int iterations, int parallelism, int length) =>
        _options.Implementation == Argon2Implementation.Libsodium
        && LibsodiumArgon2id.CanCompute(saltLength, iterations, memoryKiB, parallelism, length);

    private byte[] ComputeWithConfigured(byte[] password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length) =>
        UsesLibsodium(salt.Length, memoryKiB, iterations, parallelism, length)
            ? LibsodiumArgon2id.Compute(password, salt, memoryKiB, iterations, length)
            : Compute(password, salt, memoryKiB, iterations, parallelism, length);

    private async Task<byte[]> ComputeBoundedAsync(string password, byte[] salt, int memoryKiB, int iterations, int parallelism, int length, CancellationToken cancellationToken)
    {
        // NIST SP 800-63B 5.1.1.2: normalize Unicode so the same password typed on another device still matches.
        var bytes = Encoding.UTF8.GetBytes(password.Normalize(NormalizationForm.FormKC));
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() => ComputeWithConfigured(bytes, salt, memoryKiB, iterations, parallelism, length), CancellationToken.None);
        }
        finally
        {
            _slots.Release();
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
