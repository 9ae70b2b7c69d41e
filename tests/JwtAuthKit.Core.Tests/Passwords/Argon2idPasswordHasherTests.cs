using JwtAuthKit.Passwords;

namespace JwtAuthKit.Core.Tests.Passwords;

public sealed class Argon2idPasswordHasherTests
{
    [Fact]
    public void Raw_Argon2id_matches_the_RFC_9106_test_vector()
    {
        // RFC 9106 §5.3: Argon2id, m = 32 KiB, t = 3, p = 4, with secret and associated data.
        var tag = Argon2idPasswordHasher.Compute(
            password: Enumerable.Repeat((byte)0x01, 32).ToArray(),
            salt: Enumerable.Repeat((byte)0x02, 16).ToArray(),
            memoryKiB: 32, iterations: 3, parallelism: 4, length: 32,
            secret: Enumerable.Repeat((byte)0x03, 8).ToArray(),
            associatedData: Enumerable.Repeat((byte)0x04, 12).ToArray());

        Convert.ToHexStringLower(tag).Should().Be("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    [Fact]
    public async Task Hash_is_a_PHC_string_with_the_configured_parameters()
    {
        using var hasher = new Argon2idPasswordHasher(TestOptions.With(TestOptions.Fast(2048, 2)));

        var hash = await hasher.HashAsync("correct horse battery staple", CancellationToken.None);

        hash.Should().MatchRegex(@"^\$argon2id\$v=19\$m=2048,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$");
    }

    [Fact]
    public async Task Default_parameters_are_the_OWASP_ones()
    {
        using var hasher = new Argon2idPasswordHasher(TestOptions.With(new PasswordHashingOptions()));

        var hash = await hasher.HashAsync("correct horse battery staple", CancellationToken.None);

        hash.Should().StartWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    [Fact]
    public async Task Verify_round_trips_and_refuses_a_wrong_password()
    {
        using var hasher = new Argon2idPasswordHasher(TestOptions.With(TestOptions.Fast()));
        var hash = await hasher.HashAsync("correct horse battery staple", CancellationToken.None);

        (await hasher.VerifyAsync(hash, "correct horse battery staple", CancellationToken.None)).Should().Be(PasswordVerificationResult.Success);
        (await hasher.VerifyAsync(hash, "correct horse battery stapl", CancellationToken.None)).Should().Be(PasswordVerificationResult.Failed);
    }

    [Fact]
    public async Task Verify_reads_a_hash_made_by_another_Argon2_implementation()
    {
        // A PHC string made with the reference implementation's parameters (m=65536 would be slow: use m=64, t=3, p=1).
        var salt = Convert.FromBase64String("c29tZXNhbHRzb21lc2FsdA==");
        var raw = Argon2idPasswordHasher.Compute("password"u8.ToArray(), salt, 64, 3, 1, 32);
        var phc = $"$argon2id$v=19$m=64,t=3,p=1${Convert.ToBase64String(salt).TrimEnd('=')}${Convert.ToBase64String(raw).TrimEnd('=')}";
        using var hasher = new Argon2idPasswordHasher(TestOptions.With(TestOptions.Fast()));

        var result = await hasher.VerifyAsync(phc, "password", CancellationToken.None);

        result.Should().Be(PasswordVerificationResult.SuccessRehashNeeded, "the parameters differ from the configured ones");
    }

    [Fact]
    public async Task Verify_asks_for_a_rehash_when_the_parameters_changed()
    {
        using var oldHasher = new Argon2idPasswordHasher(TestOptions.With(TestOptions.Fast(1024, 1)));
        using var newHasher = new Argon2idPasswordHasher(TestOptions.With(TestOptions.Fast(2048, 1)));
        var hash = await oldHasher.HashAsync("correct horse battery staple", CancellationToken.None);

        (await newHasher.VerifyAsync(hash, "correct horse battery staple", CancellationToken.None)).Should().Be(PasswordVerificationResult.SuccessRehashNeeded);
        (await oldHasher.VerifyAsync(hash, "correct horse battery staple", CancellationToken.None)).Should().Be(PasswordVerificationResult.Success);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain-text")]
    [InlineData("$argon2i$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA")]
    [InlineData("$argon2id$v=19$m=99999999,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g")]
    [InlineData("$argon2id$v=19$m=1024,t=1,p=1$!!!$???")]
    public async Task Verify_fails_closed_on_unreadable_or_abusive_hashes(string stored)
    {
        using var hasher = new Argon2idPasswordHasher(TestOptions.With(TestOptions.Fast()));

        (await hasher.VerifyAsync(stored, "anything at all", CancellationToken.None)).Should().Be(PasswordVerificationResult.Failed);
    }

    [Fact]
    public async Task Unicode_passwords_match_across_normalization_forms()
    {
        using var hasher = new Argon2idPasswordHasher(TestOptions.With(TestOptions.Fast()));
        var composed = "caf\u00e9 au lait pour moi";
        var decomposed = "cafe\u0301 au lait pour moi";
        var hash = await hasher.HashAsync(composed, CancellationToken.None);

        (await hasher.VerifyAsync(hash, decomposed, CancellationToken.None)).Should().Be(PasswordVerificationResult.Success);
    }

    [Fact]
    public async Task Concurrent_hashing_is_bounded_by_MaxConcurrentHashes()
    {
        // One slot and a slow hash (128 MiB, 4 passes) hold the slot long enough to observe.
        var options = TestOptions.Fast(131_072, 4);
        options.MaxConcurrentHashes = 1;
        using var hasher = new Argon2idPasswordHasher(TestOptions.With(options));

        var first = hasher.HashAsync("first password here", CancellationToken.None);
        for (var i = 0; i < 200 && hasher.AvailableSlots != 0; i++)
        {
            await Task.Delay(5);
        }

        hasher.AvailableSlots.Should().Be(0, "the running hash holds the only slot");
        var second = hasher.HashAsync("second password here", CancellationToken.None);
        var third = hasher.HashAsync("third password here", CancellationToken.None);
        hasher.AvailableSlots.Should().Be(0, "later calls queue instead of hashing at once");

        (await Task.WhenAll(second, third)).Should().OnlyContain(h => h.StartsWith("$argon2id$", StringComparison.Ordinal));
        (await first).Should().StartWith("$argon2id$");
        hasher.AvailableSlots.Should().Be(1);
    }
}
