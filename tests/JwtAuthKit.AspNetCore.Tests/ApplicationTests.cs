using System.Net;
using JwtAuthKit.Applications;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;

namespace JwtAuthKit.AspNetCore.Tests;

/// <summary>Applications declared in configuration, API keys, and per-application settings at sign-up and sign-in.</summary>
public sealed class ApplicationTests
{
    public const string OpenKey = "pk_open0000000000000000000000000";
    public const string ClosedKey = "pk_closed000000000000000000000000";
    public const string VerifyKey = "pk_verify000000000000000000000000";
    public const string NoPasswordKey = "pk_nopassword00000000000000000000";

    public static Dictionary<string, string?> FourApplications() => new()
    {
        ["JwtAuthKit:Applications:0:Name"] = "open",
        ["JwtAuthKit:Applications:0:ClientId"] = "open-app",
        ["JwtAuthKit:Applications:0:PublishableKey"] = OpenKey,
        ["JwtAuthKit:Applications:0:SecretKey"] = "sk_open0000000000000000000000000",
        ["JwtAuthKit:Applications:1:Name"] = "closed",
        ["JwtAuthKit:Applications:1:PublishableKey"] = ClosedKey,
        ["JwtAuthKit:Applications:1:Settings:SignupEnabled"] = "false",
        ["JwtAuthKit:Applications:2:Name"] = "verify",
        ["JwtAuthKit:Applications:2:PublishableKey"] = VerifyKey,
        ["JwtAuthKit:Applications:2:Settings:RequireEmailVerification"] = "true",
        ["JwtAuthKit:Applications:2:Settings:AccessTokenLifetimeSeconds"] = "300",
        ["JwtAuthKit:Applications:3:Name"] = "nopassword",
        ["JwtAuthKit:Applications:3:PublishableKey"] = NoPasswordKey,
        ["JwtAuthKit:Applications:3:Settings:PasswordEnabled"] = "false",
        ["JwtAuthKit:Applications:3:Settings:RedirectUrls:0"] = "https://app.example.com/callback",
    };

    [Fact]
    public async Task Declared_applications_are_created_at_start_and_updated_at_the_next()
    {
        var database = TestHost.NewDatabasePath();
        await using (var first = await TestHost.StartAsync(databasePath: database, configuration: FourApplications()))
        {
            var apps = await first.GetRequiredService<IApplicationStore>().ListAsync(default);
            apps.Select(a => a.Name).Should().BeEquivalentTo("open", "closed", "verify", "nopassword");
            apps.Single(a => a.Name == "open").ClientId.Should().Be("open-app");
            apps.Single(a => a.Name == "nopassword").Settings.RedirectUrls.Should().Equal("https://app.example.com/callback");
        }

        var changed = FourApplications();
        changed["JwtAuthKit:Applications:1:Settings:SignupEnabled"] = "true";
        await using var second = await TestHost.StartAsync(databasePath: database, configuration: changed);
        var stored = await second.GetRequiredService<IApplicationStore>().ListAsync(default);
        stored.Should().HaveCount(4);
        stored.Single(a => a.Name == "closed").Settings.SignupEnabled.Should().BeTrue();
    }

    [Fact]
    public async Task With_none_declared_a_default_application_is_created_once()
    {
        var database = TestHost.NewDatabasePath();
        await using (await TestHost.StartAsync(databasePath: database))
        {
        }

        await using var again = await TestHost.StartAsync(databasePath: database);
        var apps = await again.GetRequiredService<IApplicationStore>().ListAsync(default);
        apps.Should().ContainSingle().Which.Name.Should().Be("default");
    }

    [Fact]
    public async Task Several_applications_need_an_api_key_and_refuse_a_bad_one()
    {
        await using var host = await TestHost.StartAsync(configuration: FourApplications());

        var missing = await host.Client.RegisterAsync(Unique.Email());
        missing.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await missing.ProblemCodeAsync()).Should().Be("api_key_required");

        foreach (var bad in new[] { "pk_unknown0000000000000000000000", "garbage", "pk_" + new string('x', 300) })
        {
            var response = await host.NewClient(bad).RegisterAsync(Unique.Email());
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await response.ProblemCodeAsync()).Should().Be("invalid_api_key");
        }
    }

    [Fact]
    public async Task Users_belong_to_one_application()
    {
        await using var host = await TestHost.StartAsync(configuration: FourApplications());
        var email = Unique.Email();
        (await host.NewClient(OpenKey).RegisterAsync(email)).StatusCode.Should().Be(HttpStatusCode.Created);

        // The same address is a different account in another application, and the first one's password
        // does not sign in there.
        (await host.NewClient(VerifyKey).LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await host.NewClient(VerifyKey).RegisterAsync(email)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Sign_up_disabled_gets_403_signup_disabled()
    {
        await using var host = await TestHost.StartAsync(configuration: FourApplications());

        var response = await host.NewClient(ClosedKey).RegisterAsync(Unique.Email());

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.ProblemCodeAsync()).Should().Be("signup_disabled");
    }

    [Fact]
    public async Task Required_verification_returns_the_user_without_tokens_and_blocks_password_sign_in()
    {
        await using var host = await TestHost.StartAsync(configuration: FourApplications());
        var client = host.NewClient(VerifyKey);
        var email = Unique.Email();

        var registered = await client.RegisterAsync(email);
        registered.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = await registered.JsonAsync();
        body.TryGetProperty("access_token", out _).Should().BeFalse();
        body.GetProperty("user").GetProperty("email").GetString().Should().Be(email);

        (await (await client.LoginAsync(email, "a wrong password")).ProblemCodeAsync()).Should().Be("invalid_credentials");
        var login = await client.LoginAsync(email);
        login.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await login.ProblemCodeAsync()).Should().Be("email_not_verified");
    }

    [Fact]
    public async Task Password_sign_in_switched_off_gets_403_method_disabled()
    {
        await using var host = await TestHost.StartAsync(configuration: FourApplications());

        var login = await host.NewClient(NoPasswordKey).LoginAsync(Unique.Email());
        var register = await host.NewClient(NoPasswordKey).RegisterAsync(Unique.Email());

        login.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await login.ProblemCodeAsync()).Should().Be("method_disabled");
        (await register.ProblemCodeAsync()).Should().Be("method_disabled");
    }

    [Fact]
    public async Task Token_lifetimes_follow_the_application_settings()
    {
        await using var host = await TestHost.StartAsync(configuration: FourApplications());
        var email = Unique.Email();
        await host.NewClient(VerifyKey).RegisterAsync(email);
        var applicationId = (await host.GetRequiredService<IApplicationStore>().FindByNameAsync("verify", default))!.Id;
        var users = host.GetRequiredService<JwtAuthKit.Users.IUserStore>();
        var user = (await users.FindByEmailAsync(applicationId, email, default))!;
        user.EmailVerified = true;
        await users.UpdateAsync(user, default);

        var login = await (await host.NewClient(VerifyKey).LoginAsync(email)).JsonAsync();

        login.GetProperty("expires_in").GetInt32().Should().Be(300);
    }

    [Fact]
    public async Task A_secret_key_is_refused_on_end_user_endpoints()
    {
        await using var host = await TestHost.StartAsync(configuration: FourApplications());

        var response = await host.NewClient("sk_open0000000000000000000000000").RegisterAsync(Unique.Email());

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.ProblemCodeAsync()).Should().Be("invalid_api_key");
    }
}
