using JwtAuthKit.Passwords;
using JwtAuthKit.Passwords.Foreign;
using JwtAuthKit.Tests.Shared;

namespace JwtAuthKit.Core.Tests.Passwords;

public sealed class ForeignPasswordHashTests : IDisposable
{
    private readonly Argon2idPasswordHasher _native = new(TestOptions.With(TestOptions.Fast()));
    private readonly MigratingPasswordHasher _hasher;

    public ForeignPasswordHashTests() => _hasher = new MigratingPasswordHasher(_native, new ForeignPasswordHashes(), TestOptions.With(TestOptions.Fast()), new JwtAuthKit.Telemetry.JwtAuthKitMetrics());

    public static TheoryData<string> Vectors => [.. ForeignHashVectors.All.Select(v => v.Name)];

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task Foreign_hash_verifies_with_its_password_and_asks_for_a_rehash(string name)
    {
        var vector = ForeignHashVectors.Get(name);

        var result = await _hasher.VerifyAsync(vector.Hash, vector.Password, CancellationToken.None);

        result.Should().Be(PasswordVerificationResult.SuccessRehashNeeded, vector.Source);
        _hasher.CanVerify(vector.Hash).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task Foreign_hash_refuses_a_wrong_password(string name)
    {
        var vector = ForeignHashVectors.Get(name);

        var result = await _hasher.VerifyAsync(vector.Hash, vector.Password + "x", CancellationToken.None);

        result.Should().Be(PasswordVerificationResult.Failed);
    }

    [Theory]
    [InlineData("identity-v3-sha512")]
    [InlineData("django-pbkdf2-sha256")]
    [InlineData("bcrypt-2b")]
    [InlineData("argon2i-phc")]
    public async Task A_changed_hash_no_longer_verifies(string name)
    {
        var vector = ForeignHashVectors.Get(name);
        var at = vector.Hash.Length * 2 / 3; // inside the hash or salt part of every format
        var tampered = vector.Hash[..at] + (vector.Hash[at] == 'A' ? 'B' : 'A') + vector.Hash[(at + 1)..];

        var result = await _hasher.VerifyAsync(tampered, vector.Password, CancellationToken.None);

        result.Should().Be(PasswordVerificationResult.Failed);
    }

    [Fact]
    public async Task Native_hash_verifies_as_before()
    {
        var hash = await _hasher.HashAsync("correct horse battery staple", CancellationToken.None);

        hash.Should().StartWith("$argon2id$");
        (await _hasher.VerifyAsync(hash, "correct horse battery staple", CancellationToken.None)).Should().Be(PasswordVerificationResult.Success);
        (await _hasher.VerifyAsync(hash, "wrong", CancellationToken.None)).Should().Be(PasswordVerificationResult.Failed);
    }

    [Theory]
    [InlineData("md5$seasalt$3b5a39a7d0d7a2f1b4f1a2f1e3d4c5b6")] // Django's MD5 hasher: not accepted
    [InlineData("sha1$$22e6217f026c7a395f0840c1ffbdb163072419e7")]
    [InlineData("$1$saltsalt$qjXMvbEw8oaL.CzflDugX/")] // md5-crypt
    [InlineData("$scrypt$ln=16,r=8,p=1$aM15713r3Xsvxbi31lqr1Q$nFNh2CVHVjNldFVKDHDlm4CbdRSCdEBsjjJxD+iCs5E")]
    [InlineData("$2a$31$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i")] // bcrypt cost beyond the bound
    [InlineData("pbkdf2_sha256$99999999$seasalt$FQCNpiZpTb0zub+HBsH6TOwyRxJ19FwvjbweatNmK/Y=")] // iterations beyond the bound
    [InlineData("$argon2i$v=19$m=4194304,t=2,p=1$c29tZXNhbHQ$iekCn0Y3spW+sCcFanM2xBT63UP2sghkUoHLIUpWRS8")] // 4 GiB of memory
    [InlineData("plain text password")]
    [InlineData("")]
    public async Task Unrecognised_or_out_of_bounds_hashes_are_not_verifiable(string hash)
    {
        _hasher.CanVerify(hash).Should().BeFalse();
        (await _hasher.VerifyAsync(hash, "password", CancellationToken.None)).Should().Be(PasswordVerificationResult.Failed);
    }

    public void Dispose()
    {
        _hasher.Dispose();
        _native.Dispose();
    }
}
