using JwtAuthKit.Sessions;

namespace JwtAuthKit.Core.Tests.Sessions;

public sealed class RefreshTokenSealerTests
{
    [Fact]
    public void Only_the_predecessor_opens_the_sealed_successor()
    {
        var predecessor = SecretTokens.Create();
        var successor = SecretTokens.Create();

        var sealedSuccessor = RefreshTokenSealer.Seal(predecessor, successor);

        RefreshTokenSealer.Open(predecessor, sealedSuccessor).Should().Be(successor);
        RefreshTokenSealer.Open(SecretTokens.Create(), sealedSuccessor).Should().BeNull();
        System.Text.Encoding.UTF8.GetString(sealedSuccessor).Should().NotContain(successor);
    }

    [Fact]
    public void A_tampered_seal_does_not_open()
    {
        var predecessor = SecretTokens.Create();
        var sealedSuccessor = RefreshTokenSealer.Seal(predecessor, SecretTokens.Create());
        sealedSuccessor[^1] ^= 0x01;

        RefreshTokenSealer.Open(predecessor, sealedSuccessor).Should().BeNull();
    }

    [Fact]
    public void Secrets_carry_256_bits_and_are_stored_as_SHA256_hex()
    {
        var secret = SecretTokens.Create();

        secret.Length.Should().Be(43);
        SecretTokens.Hash(secret).Should().MatchRegex("^[0-9a-f]{64}$").And.NotBe(secret);
    }
}
