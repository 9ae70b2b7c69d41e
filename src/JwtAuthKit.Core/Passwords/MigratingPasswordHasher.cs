using JwtAuthKit.Passwords.Foreign;
using System.Diagnostics;
using JwtAuthKit.Telemetry;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Passwords;

/// <summary>
/// The registered <see cref="IPasswordHasher"/>: hashes and verifies our Argon2id hashes through
/// <see cref="Argon2idPasswordHasher"/>, and verifies the hashes of other systems imported with users (ASP.NET Core
/// Identity, Django, bcrypt, Argon2i) with their own algorithms, answering <see cref="PasswordVerificationResult.SuccessRehashNeeded"/>
/// so the first successful sign-in replaces them with Argon2id.
/// </summary>
/// <remarks>
/// A foreign verification also spends one native verification (on a hash of a random password), so a wrong password
/// against an imported hash takes at least as long as against a native one and the format of an account cannot be
/// told from timing of failures alone (OWASP ASVS 2.2).
/// </remarks>
internal sealed class MigratingPasswordHasher : IPasswordHasher, IDisposable
{
    private readonly Argon2idPasswordHasher _native;
    private readonly ForeignPasswordHashes _foreign;
    private readonly SemaphoreSlim _slots;
    private readonly Lazy<Task<string>> _dummy;
    private readonly JwtAuthKitMetrics _metrics;

    public MigratingPasswordHasher(Argon2idPasswordHasher native, ForeignPasswordHashes foreign, IOptions<JwtAuthKitOptions> options, JwtAuthKitMetrics metrics)
    {
        _metrics = metrics;
        _native = native;
        _foreign = foreign;
        var slots = options.Value.PasswordHashing.MaxConcurrentHashes;
        _slots = new SemaphoreSlim(slots, slots);
        _dummy = new(() => native.HashAsync(SecretTokens.Create(16), CancellationToken.None));
    }

    public async Task<string> HashAsync(string password, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var hash = await _native.HashAsync(password, cancellationToken);
        _metrics.PasswordHashed("hash", Stopwatch.GetElapsedTime(started));
        return hash;
    }

    public async Task<PasswordVerificationResult> VerifyAsync(string hash, string password, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await VerifyCoreAsync(hash, password, cancellationToken);
        _metrics.PasswordHashed("verify", Stopwatch.GetElapsedTime(started));
        return result;
    }

    private async Task<PasswordVerificationResult> VerifyCoreAsync(string hash, string password, CancellationToken cancellationToken)
    {
        if (Argon2idHash.TryParse(hash, out _))
        {
            return await _native.VerifyAsync(hash, password, cancellationToken);
        }

        var format = _foreign.Find(hash);
        var matched = false;
        if (format is not null)
        {
            await _slots.WaitAsync(cancellationToken);
            try
            {
                matched = await Task.Run(() => format.Verify(hash, password), CancellationToken.None);
            }
            finally
            {
                _slots.Release();
            }
        }

        await _native.VerifyAsync(await _dummy.Value, password, cancellationToken);
        return matched ? PasswordVerificationResult.SuccessRehashNeeded : PasswordVerificationResult.Failed;
    }

    /// <summary>Whether a stored hash can be verified: ours, or one of the foreign formats.</summary>
    internal bool CanVerify(string hash) => Argon2idHash.TryParse(hash, out _) || _foreign.Find(hash) is not null;

    public void Dispose() => _slots.Dispose();
}
