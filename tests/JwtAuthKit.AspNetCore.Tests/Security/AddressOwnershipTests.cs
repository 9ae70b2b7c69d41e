using System.Net;
using System.Net.Http.Json;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using OtpNet;

namespace JwtAuthKit.AspNetCore.Tests.Security;

/// <summary>
/// Threat: pre-registration takeover. An attacker signs up with the victim's address before the victim does; when the
/// victim later proves the address (magic link, email code, password reset), the attacker must keep nothing: no
/// password, no session, no second factor (API.md "Who owns an address").
/// </summary>
public sealed class AddressOwnershipTests
{
    private const string AttackerPassword = "attacker chose this long password";

    [Theory]
    [InlineData("magic_link")]
    [InlineData("email_code")]
    [InlineData("password_reset")]
    public async Task Proving_the_address_removes_the_pre_registered_password_sessions_and_factor(string proof)
    {
        await using var mail = await MailHost.StartAsync(configuration: EmailFlowTests.MailApplication());
        var victim = Unique.Email();
        var attacker = await (await mail.Client.SignUpAndInPasswordAsync(victim, AttackerPassword)).JsonAsync();
        var attackerAccess = attacker.GetProperty("access_token").GetString()!;
        var attackerRefresh = attacker.GetProperty("refresh_token").GetString()!;
        var setup = await (await mail.Client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/mfa/totp/setup", attackerAccess)).JsonAsync();
        var secret = setup.GetProperty("secret").GetString()!;
        var code = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(mail.Host.Time.GetUtcNow().UtcDateTime);
        (await mail.Client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/mfa/totp/confirm", attackerAccess, new { code })).EnsureSuccessStatusCode();

        var victimAuth = await ProveAsync(mail, victim, proof);

        (await mail.Client.LoginAsync(victim, AttackerPassword)).Should().HaveProblem("invalid_credentials", "the attacker's password is gone");
        (await mail.Client.RefreshAsync(attackerRefresh)).Should().HaveProblem("invalid_refresh_token", "the attacker's session ended");
        (await mail.Client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", attackerAccess)).Should().HaveProblem("session_revoked");
        if (victimAuth is { } auth)
        {
            auth.TryGetProperty("access_token", out _).Should().BeTrue("the attacker's second factor does not stand between the owner and the account");
            auth.GetProperty("user").GetProperty("mfa_enabled").GetBoolean().Should().BeFalse();
            auth.GetProperty("user").GetProperty("email_verified").GetBoolean().Should().BeTrue();
        }
        else
        {
            var login = await (await mail.Client.LoginAsync(victim, "the victim's own new password")).JsonAsync();
            login.TryGetProperty("access_token", out _).Should().BeTrue("after the reset no MFA step of the attacker's is asked");
        }
    }

    [Fact]
    public async Task With_verification_required_the_owner_takes_the_account_by_email_code()
    {
        var settings = EmailFlowTests.MailApplication();
        settings["JwtAuthKit:Applications:0:Settings:RequireEmailVerification"] = "true";
        await using var mail = await MailHost.StartAsync(configuration: settings);
        var victim = Unique.Email();
        (await mail.Client.RegisterAsync(victim, AttackerPassword)).StatusCode.Should().Be(HttpStatusCode.Created);

        (await mail.Client.RegisterAsync(victim)).Should().HaveProblem("email_taken", "the owner cannot sign up");
        var signedIn = await ProveAsync(mail, victim, "email_code");

        signedIn!.Value.TryGetProperty("access_token", out _).Should().BeTrue();
        (await mail.Client.LoginAsync(victim, AttackerPassword)).Should().HaveProblem("invalid_credentials");
    }

    [Fact]
    public async Task A_verified_account_keeps_its_password_and_sessions_when_signed_into_by_link()
    {
        await using var mail = await MailHost.StartAsync(configuration: EmailFlowTests.MailApplication());
        var email = Unique.Email();
        var first = await (await mail.Client.SignUpAndInPasswordAsync(email, ApiCalls.Password)).JsonAsync();
        var verification = MailHost.TokenIn(await mail.WaitForMailAsync(email, "Confirm"));
        (await mail.Client.PostAsJsonAsync("/api/auth/email/verify", new { token = verification })).EnsureSuccessStatusCode();

        await ProveAsync(mail, email, "magic_link");

        (await mail.Client.LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await mail.Client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", first.GetProperty("access_token").GetString()!)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_verification_email_says_it_confirms_the_sign_up_and_how_to_ignore_it()
    {
        await using var mail = await MailHost.StartAsync(configuration: EmailFlowTests.MailApplication());
        var email = Unique.Email();
        await mail.Client.RegisterAsync(email);

        var message = await mail.WaitForMailAsync(email, "Confirm");

        message.TextBody.Should().Contain("did not sign up").And.Contain("ignore");
    }

    private static async Task<System.Text.Json.JsonElement?> ProveAsync(MailHost mail, string email, string proof)
    {
        switch (proof)
        {
            case "magic_link":
                await mail.Client.PostAsJsonAsync("/api/auth/magic-link", new { email });
                var token = MailHost.TokenIn(await mail.WaitForMailAsync(email, "sign-in link"));
                var link = await mail.Client.PostAsJsonAsync("/api/auth/magic-link/verify", new { token });
                link.StatusCode.Should().Be(HttpStatusCode.OK, await link.Content.ReadAsStringAsync());
                return await link.JsonAsync();
            case "email_code":
                await mail.Client.PostAsJsonAsync("/api/auth/otp", new { email });
                var code = MailHost.CodeIn(await mail.WaitForMailAsync(email, "code"));
                var verified = await mail.Client.PostAsJsonAsync("/api/auth/otp/verify", new { email, code });
                verified.StatusCode.Should().Be(HttpStatusCode.OK, await verified.Content.ReadAsStringAsync());
                return await verified.JsonAsync();
            default:
                await mail.Client.PostAsJsonAsync("/api/auth/password/forgot", new { email });
                var reset = MailHost.TokenIn(await mail.WaitForMailAsync(email, "Reset"));
                (await mail.Client.PostAsJsonAsync("/api/auth/password/reset", new { token = reset, new_password = "the victim's own new password" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
                return null;
        }
    }
}
