using System.Net;
using System.Text.Json;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using JwtAuthKit.Email;

namespace JwtAuthKit.AspNetCore.Tests.Throttling;

public sealed class EnumerationSafeSignupTests
{
    [Fact]
    public async Task With_the_setting_a_taken_address_answers_like_a_new_one_and_the_owner_gets_a_notice()
    {
        var config = EmailFlowTests.MailApplication();
        config["JwtAuthKit:Applications:0:Settings:EnumerationSafeSignup"] = "true";
        await using var mail = await MailHost.StartAsync(configuration: config);
        var taken = Unique.Email("taken");
        var fresh = Unique.Email("fresh");
        (await mail.Client.RegisterAsync(taken)).StatusCode.Should().Be(HttpStatusCode.Created);
        var owner = await mail.Client.SignUpAndInAsync(Unique.Email("other")); // some unrelated account exists too
        owner.GetProperty("access_token").GetString().Should().NotBeNullOrEmpty();
        var real = await (await mail.Client.LoginAsync(taken)).JsonAsync();

        var again = await mail.Client.RegisterAsync(taken, "another passphrase entirely");
        var newcomer = await mail.Client.RegisterAsync(fresh);

        again.StatusCode.Should().Be(HttpStatusCode.Created);
        newcomer.StatusCode.Should().Be(HttpStatusCode.Created);
        var againBody = await again.JsonAsync();
        var newBody = await newcomer.JsonAsync();
        Shape(againBody).Should().Equal(Shape(newBody), "the two answers have the same fields");
        againBody.TryGetProperty("access_token", out _).Should().BeFalse("enumeration-safe sign-up never returns tokens");
        againBody.GetProperty("user").GetProperty("id").GetString().Should().NotBe(real.GetProperty("user").GetProperty("id").GetString(), "the answer is not the real account");
        (await mail.WaitForMailAsync(taken, "tried to sign up")).TextBody.Should().Contain("already have one");
        await mail.WaitForMailAsync(fresh, "Confirm your email");
        (await mail.Client.LoginAsync(taken)).StatusCode.Should().Be(HttpStatusCode.OK, "the existing account is unchanged");
        (await mail.Client.LoginAsync(taken, "another passphrase entirely")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task By_default_a_taken_address_answers_409_email_taken()
    {
        await using var mail = await MailHost.StartAsync(configuration: EmailFlowTests.MailApplication());
        var email = Unique.Email();
        (await mail.Client.RegisterAsync(email)).EnsureSuccessStatusCode();

        var again = await mail.Client.RegisterAsync(email);

        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.ProblemCodeAsync()).Should().Be("email_taken");
        (await mail.Host.GetRequiredService<IEmailOutboxStore>().ListAsync(null, null, 0, 100, default)).Should().NotContain(m => m.Kind == EmailKind.AccountExists);
    }

    private static IEnumerable<string> Shape(JsonElement body) =>
        body.EnumerateObject().Select(p => p.Name)
            .Concat(body.GetProperty("user").EnumerateObject().Select(p => "user." + p.Name + ":" + p.Value.ValueKind))
            .Order(StringComparer.Ordinal);
}
