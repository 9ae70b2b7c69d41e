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

    [Fact]
    public void Normalize_composes_to_NFC() =>
        EmailAddress.Normalize("ada@bu\u0308cher.de").Should().Be("ada@b\u00fccher.de");

    [Fact]
    public void Normalize_writes_an_ascii_encoded_domain_in_its_unicode_form_so_both_spellings_are_one_account() =>
        EmailAddress.Normalize("Ada@XN--BCHER-KVA.de").Should().Be(EmailAddress.Normalize("ada@b\u00fccher.de"));

    [Theory]
    [InlineData("\uff41dmin@example.com")] // full-width a
    [InlineData("admin@\uff45xample.com")] // full-width e in the domain
    [InlineData("ad\u200bmin@example.com")] // zero-width space
    [InlineData("admin@exam\u00adple.com")] // soft hyphen, which IDNA would drop silently
    [InlineData("admin\u202e@example.com")] // right-to-left override
    [InlineData("adm\u0131n@example.com")] // dotless i
    [InlineData("x@[127.0.0.1]")]
    [InlineData("x@[ipv6:::1]")]
    [InlineData("\ufb01le@example.com")] // fi ligature
    [InlineData("ada@xn--zz.com")] // not a valid IDN
    public void IsValid_refuses_look_alikes_invisible_characters_and_ip_literals(string email) =>
        EmailAddress.IsValid(EmailAddress.Normalize(email)).Should().BeFalse();

    [Fact]
    public void IsValid_accepts_an_internationalized_domain() =>
        EmailAddress.IsValid(EmailAddress.Normalize("ada@b\u00fccher.de")).Should().BeTrue();
}
