using System.Text;
using JwtAuthKit.Passwords;
using JwtAuthKit.Passwords.Foreign;
using JwtAuthKit.Tests.Shared;

namespace JwtAuthKit.Core.Tests.Passwords;

/// <summary>libsodium and the managed Konscious implementation are interchangeable: same bytes, same PHC strings.</summary>
public sealed class Argon2ImplementationTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public void Libsodium_loads_on_this_machine()
    {
        // The native library ships in the package for linux-x64 (runtimes/linux-x64/native/libsodium.so).
        LibsodiumArgon2id.IsAvailable.Should().BeTrue();
    }

    [Theory]
    [InlineData(8, 1, 16)]
    [InlineData(1024, 1, 32)]
    [InlineData(2048, 3, 64)]
    [InlineData(19_456, 2, 32)] // the OWASP parameters
    public void Libsodium_and_managed_give_the_same_bytes(int memoryKiB, int iterations, int length)
    {
        var password = Encoding.UTF8.GetBytes(Password);
        var salt = Enumerable.Range(1, 16).Select(i => (byte)(i * 7)).ToArray();

        var native = LibsodiumArgon2id.Compute(password, salt, memoryKiB, iterations, length);
        var managed = Argon2idPasswordHasher.Compute(password, salt, memoryKiB, iterations, 1, length);

        native.Should().Equal(managed);
    }

    [Theory]
    [InlineData(Argon2Implementation.Libsodium, Argon2Implementation.Managed)]
    [InlineData(Argon2Implementation.Managed, Argon2Implementation.Libsodium)]
    public async Task A_hash_made_by_one_implementation_verifies_with_the_other(Argon2Implementation writer, Argon2Implementation reader)
    {
        using var hashing = Hasher(writer);
        using var verifying = Hasher(reader);
        var hash = await hashing.HashAsync(Password, CancellationToken.None);

        (await verifying.VerifyAsync(hash, Password, CancellationToken.None)).Should().Be(PasswordVerificationResult.Success);
        (await verifying.VerifyAsync(hash, Password + "!", CancellationToken.None)).Should().Be(PasswordVerificationResult.Failed);
    }

    [Fact]
    public void The_configured_implementation_is_the_one_used()
    {
        using var native = Hasher(Argon2Implementation.Libsodium);
        using var managed = Hasher(Argon2Implementation.Managed);

        native.UsesLibsodium(16, 1024, 1, 1, 32).Should().BeTrue();
        managed.UsesLibsodium(16, 1024, 1, 1, 32).Should().BeFalse();
    }

    [Fact]
    public void The_default_implementation_is_libsodium() =>
        new PasswordHashingOptions().Implementation.Should().Be(Argon2Implementation.Libsodium);

    [Fact]
    public async Task A_string_from_libsodiums_crypto_pwhash_str_verifies_with_both_implementations()
    {
        var phc = new char[Geralt.Argon2id.HashSize];
        Geralt.Argon2id.ComputeHash(phc, Encoding.UTF8.GetBytes(Password), 1, 1024 * 1024);
        var stored = new string(phc).TrimEnd('\0');

        foreach (var implementation in new[] { Argon2Implementation.Libsodium, Argon2Implementation.Managed })
        {
            using var hasher = Hasher(implementation);
            (await hasher.VerifyAsync(stored, Password, CancellationToken.None)).Should().Be(PasswordVerificationResult.Success, implementation.ToString());
        }
    }

    [Theory]
    [InlineData(Argon2Implementation.Libsodium)]
    [InlineData(Argon2Implementation.Managed)]
    public async Task Our_hash_verifies_with_libsodiums_crypto_pwhash_str_verify(Argon2Implementation implementation)
    {
        using var hasher = Hasher(implementation);
        var hash = await hasher.HashAsync(Password, CancellationToken.None);

        Geralt.Argon2id.VerifyHash(hash.AsSpan(), Encoding.UTF8.GetBytes(Password)).Should().BeTrue();
        Geralt.Argon2id.VerifyHash(hash.AsSpan(), Encoding.UTF8.GetBytes(Password + "!")).Should().BeFalse();
    }

    [Fact]
    public async Task Hashes_libsodium_cannot_compute_fall_back_to_the_managed_implementation()
    {
        // Two lanes and a 24-byte salt: libsodium computes neither, Konscious both.
        var salt = Enumerable.Range(0, 24).Select(i => (byte)i).ToArray();
        var raw = Argon2idPasswordHasher.Compute(Encoding.UTF8.GetBytes(Password), salt, 1024, 1, 2, 32);
        var stored = new Argon2idHash(1024, 1, 2, salt, raw).ToString();
        using var hasher = Hasher(Argon2Implementation.Libsodium);

        hasher.UsesLibsodium(salt.Length, 1024, 1, 2, 32).Should().BeFalse();
        (await hasher.VerifyAsync(stored, Password, CancellationToken.None)).Should().Be(PasswordVerificationResult.SuccessRehashNeeded);
        (await hasher.VerifyAsync(stored, Password + "!", CancellationToken.None)).Should().Be(PasswordVerificationResult.Failed);
    }

    [Theory]
    [InlineData(Argon2Implementation.Libsodium)]
    [InlineData(Argon2Implementation.Managed)]
    public async Task Imported_hashes_verify_and_ask_for_a_rehash_with_either_implementation(Argon2Implementation implementation)
    {
        var options = TestOptions.Fast();
        options.Implementation = implementation;
        using var native = new Argon2idPasswordHasher(TestOptions.With(options));
        using var hasher = new MigratingPasswordHasher(native, new ForeignPasswordHashes(), TestOptions.With(options), new JwtAuthKit.Telemetry.JwtAuthKitMetrics());

        foreach (var vector in ForeignHashVectors.All)
        {
            (await hasher.VerifyAsync(vector.Hash, vector.Password, CancellationToken.None)).Should().Be(PasswordVerificationResult.SuccessRehashNeeded, vector.Name);
            (await hasher.VerifyAsync(vector.Hash, vector.Password + "x", CancellationToken.None)).Should().Be(PasswordVerificationResult.Failed, vector.Name);
        }

        var rehashed = await hasher.HashAsync(ForeignHashVectors.All[0].Password, CancellationToken.None);
        rehashed.Should().StartWith("$argon2id$v=19$m=1024,t=1,p=1$");
    }

    private static Argon2idPasswordHasher Hasher(Argon2Implementation implementation)
    {
        var options = TestOptions.Fast();
        options.Implementation = implementation;
        return new Argon2idPasswordHasher(TestOptions.With(options));
    }
}
