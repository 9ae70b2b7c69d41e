using JwtAuthKit.Applications;

namespace JwtAuthKit.Core.Tests.Applications;

public sealed class OptionsValidationTests
{
    private readonly JwtAuthKitOptionsValidator _validator = new();

    [Fact]
    public void Valid_defaults_with_an_issuer_pass() =>
        _validator.Validate(null, new JwtAuthKitOptions { Issuer = "https://auth.example.com" }).Succeeded.Should().BeTrue();

    [Fact]
    public void Every_failure_is_reported_at_once()
    {
        var options = new JwtAuthKitOptions { Issuer = "not a url", RevocationPollInterval = TimeSpan.FromSeconds(30) };
        options.PasswordHashing.MaxPasswordLength = 10;
        options.Applications.Add(new DeclaredApplication { Name = "", PublishableKey = "sk_wrongkind0000000000000", Settings = new ApplicationSettings { PasswordMinLength = 4 } });

        var result = _validator.Validate(null, options);

        result.Failed.Should().BeTrue();
        result.Failures.Should().HaveCount(6);
        result.FailureMessage.Should().Contain("Issuer").And.Contain("RevocationPollInterval").And.Contain("MaxPasswordLength")
            .And.Contain("Name is required").And.Contain("PublishableKey").And.Contain("password_min_length");
    }

    [Fact]
    public void Settings_validation_names_each_bad_field()
    {
        var settings = new ApplicationSettings { AccessTokenLifetimeSeconds = 4, AllowedOrigins = ["https://ok.example.com/path"], RedirectUrls = ["javascript:alert(1)"] };

        ApplicationSettingsValidator.Validate(settings).Keys.Should().BeEquivalentTo("access_token_lifetime_seconds", "allowed_origins", "redirect_urls");
    }
}
