using JwtAuthKit.Users;

namespace JwtAuthKit.Core.Tests.Users;

public sealed class EmailAddressTests
{
    [Fact]
    public void Normalize_trims_and_lowercases() => EmailAddress.Normalize("  Ada.Lovelace@Example.COM ").Should().Be("ada.lovelace@example.com");

    [Theory]
    [InlineData("ada@example.com", true)]
    [InlineData("a+tag@sub.example.co.uk", true)]
    [InlineData("ada@localhost", false)]
    [InlineData("ada", false)]
    [InlineData("@example.com", false)]
    [InlineData("ada@", false)]
    [InlineData("ada@@example.com", false)]
    [InlineData("ada lovelace@example.com", false)]
    [InlineData("ada <ada@example.com>", false)]
    [InlineData("ada@example..com", false)]
    public void IsValid_accepts_only_plain_mailboxes(string email, bool valid) => EmailAddress.IsValid(email).Should().Be(valid);

    [Fact]
    public void IsValid_refuses_addresses_over_254_characters() =>
        EmailAddress.IsValid(new string('a', 60) + "@" + new string('b', 190) + ".com").Should().BeFalse();
}
