using BenchmarkDotNet.Attributes;
using JwtAuthKit.Passwords;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace JwtAuthKit.Bench.Micro;

/// <summary>
/// Argon2id at OWASP's parameters (m = 19 MiB, t = 2, p = 1): the IPasswordHasher the library is configured with
/// (<c>PasswordHashing:Implementation</c>, libsodium through Geralt by default; <c>--set</c> can choose <c>Managed</c>)
/// against the two engines alone — Konscious (managed code) and libsodium through NSec.Cryptography — each deriving
/// 32 bytes from a 16-byte salt as a PHC hash does.
/// </summary>
[MemoryDiagnoser]
public class Argon2Benchmarks
{
    private const string Password = Harness.Password;
    private IPasswordHasher _hasher = null!;
    private PasswordBasedKeyDerivationAlgorithm _libsodium = null!;
    private readonly byte[] _salt = new byte[16];
    private int _memoryKiB;
    private int _iterations;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var host = await MicroHost.GetAsync("Sqlite");
        _hasher = host.Services.GetRequiredService<IPasswordHasher>();
        var options = host.Services.GetRequiredService<IOptions<JwtAuthKitOptions>>().Value.PasswordHashing;
        _memoryKiB = options.MemorySizeKiB;
        _iterations = options.Iterations;
        Settings = $"m={options.MemorySizeKiB} KiB, t={options.Iterations}, p={options.Parallelism} ({options.Implementation.ToString().ToLowerInvariant()})";
        _libsodium = Libsodium(options);
        System.Security.Cryptography.RandomNumberGenerator.Fill(_salt);
    }

    /// <summary>libsodium's Argon2id (through NSec) at our hasher's settings, one lane as a PHC hash with p = 1.</summary>
    internal static PasswordBasedKeyDerivationAlgorithm Libsodium(PasswordHashingOptions options) =>
        PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
        {
            DegreeOfParallelism = 1,
            MemorySize = options.MemorySizeKiB,
            NumberOfPasses = options.Iterations,
        });

    /// <summary>The hash settings of our hasher, as configured (written next to every sign-in figure).</summary>
    public static string Settings { get; private set; } = "";

    [Benchmark(Description = "Argon2id (JwtAuthKit IPasswordHasher)")]
    public Task<string> Ours() => _hasher.HashAsync(Password, CancellationToken.None);

    [Benchmark(Description = "Argon2id (Konscious alone, managed)")]
    public byte[] Konscious()
    {
        using var argon = new Konscious.Security.Cryptography.Argon2id(System.Text.Encoding.UTF8.GetBytes(Password))
        {
            Salt = _salt,
            DegreeOfParallelism = 1,
            MemorySize = _memoryKiB,
            Iterations = _iterations,
        };
        return argon.GetBytes(32);
    }

    [Benchmark(Description = "Argon2id (libsodium via NSec)")]
    public byte[] Libsodium() => _libsodium.DeriveBytes(Password, _salt, 32);
}
