using JwtAuthKit.Applications;
using JwtAuthKit.Passwords;

namespace JwtAuthKit.Core.Tests.Passwords;

public sealed class PasswordPolicyTests
{
    private static readonly CommonPasswordList Common = new();
    private readonly PasswordPolicy _policy = new(Common, TestOptions.With(TestOptions.Fast()));
    private readonly ApplicationSettings _settings = new();

    [Fact]
    public void The_common_password_list_holds_at_least_ten_thousand_entries() =>
        Common.Count.Should().BeGreaterThanOrEqualTo(10_000);

    [Theory]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData("qwertyuiop")]
    [InlineData("1234567890")]
    public void Common_passwords_are_refused_whatever_their_case(string password) =>
        _policy.Check(password, _settings, "someone@example.com")!.Code.Should().Be(JwtAuthKitErrors.WeakPassword);

    [Fact]
    public void Passwords_shorter_than_the_application_minimum_are_refused()
    {
        _policy.Check("Zx9!pq2#w", _settings, null)!.Code.Should().Be(JwtAuthKitErrors.WeakPassword);
        _settings.PasswordMinLength = 8;
        _policy.Check("Zx9!pq2#w", _settings, null).Should().BeNull();
    }

    [Fact]
    public void Length_counts_characters_not_UTF16_units()
    {
        // Ten emoji are ten characters (twenty UTF-16 units); nine are too short.
        _policy.Check(string.Concat(Enumerable.Repeat("\U0001F600\U0001F34E", 5)), _settings, null).Should().BeNull();
        _policy.Check(string.Concat(Enumerable.Repeat("\U0001F600", 9)), _settings, null)!.Code.Should().Be(JwtAuthKitErrors.WeakPassword);
    }

    [Fact]
    public void Passwords_over_the_maximum_are_refused() =>
        _policy.Check(new string('x', 1024) + "yz", _settings, null)!.Code.Should().Be(JwtAuthKitErrors.WeakPassword);

    [Fact]
    public void There_are_no_composition_rules() =>
        _policy.Check("all lower case words here", _settings, null).Should().BeNull();

    [Fact]
    public void The_email_address_is_not_a_password() =>
        _policy.Check("someone.long@example.com", _settings, "someone.long@example.com")!.Code.Should().Be(JwtAuthKitErrors.WeakPassword);

    [Fact]
    public void The_error_names_the_field() =>
        _policy.Check("short", _settings, null, "new_password")!.FieldErrors!.Keys.Should().Equal("new_password");
}
