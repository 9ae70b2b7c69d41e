using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using OtpNet;

namespace JwtAuthKit.AspNetCore.Tests.Security;

/// <summary>
/// Threat: a stolen password (or mailbox) is enough to sign in. The second factor (TOTP, RFC 6238, with recovery codes)
/// is asked for after every way of signing in, cannot be replayed or guessed, and guards the roles that need it.
/// </summary>
public sealed class SecondFactorTests
{
    private const string Secret = "sk_mfa0000000000000000000000000000";

    private static Dictionary<string, string?> Application(params string[] mfaRequiredRoles)
    {
        var settings = EmailFlowTests.MailApplication();
        settings["JwtAuthKit:Applications:0:SecretKey"] = Secret;
        for (var i = 0; i < mfaRequiredRoles.Length; i++)
        {
            settings[$"JwtAuthKit:Applications:0:Settings:MfaRequiredRoles:{i}"] = mfaRequiredRoles[i];
        }

        return settings;
    }

    [Fact]
    public async Task Enrolment_then_sign_in_by_password_asks_for_the_code_and_the_token_says_mfa()
    {
        await using var mail = await MailHost.StartAsync(configuration: Application());
        var (email, secret, recoveryCodes) = await EnrolledUserAsync(mail);
        recoveryCodes.Should().HaveCount(10).And.OnlyHaveUniqueItems();

        var first = await mail.Client.LoginAsync(email);
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var step = await first.JsonAsync();
        step.GetProperty("mfa_required").GetBoolean().Should().BeTrue();
        step.TryGetProperty("access_token", out _).Should().BeFalse("no token before the second factor");
        var mfaToken = step.GetProperty("mfa_token").GetString()!;

        mail.Host.Time.Advance(TimeSpan.FromSeconds(30));
        var done = await CompleteAsync(mail, mfaToken, code: CodeOf(mail, secret));

        done.StatusCode.Should().Be(HttpStatusCode.OK, await done.Content.ReadAsStringAsync());
        var auth = await done.JsonAsync();
        Amr(auth).Should().Equal("pwd", "mfa");
        auth.GetProperty("user").GetProperty("mfa_enabled").GetBoolean().Should().BeTrue();
        (await CompleteAsync(mail, mfaToken, code: CodeOf(mail, secret))).Should().HaveProblem("invalid_mfa_token", "the mfa_token is single-use");
    }

    [Fact]
    public async Task A_code_is_accepted_once_and_one_step_of_drift_either_way()
    {
        await using var mail = await MailHost.StartAsync(configuration: Application());
        var (email, secret, _) = await EnrolledUserAsync(mail);
        mail.Host.Time.Advance(TimeSpan.FromSeconds(60));
        var code = CodeOf(mail, secret);

        (await CompleteAsync(mail, await MfaTokenAsync(mail, email), code: code)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await CompleteAsync(mail, await MfaTokenAsync(mail, email), code: code)).Should().HaveProblem("invalid_mfa_code", "a used code is not accepted twice (replay)");

        // The code of the previous and of the next 30-second step are accepted; two steps away is not.
        mail.Host.Time.Advance(TimeSpan.FromSeconds(60));
        var previous = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(mail.Host.Time.GetUtcNow().UtcDateTime.AddSeconds(-30));
        var next = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(mail.Host.Time.GetUtcNow().UtcDateTime.AddSeconds(30));
        var tooOld = new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(mail.Host.Time.GetUtcNow().UtcDateTime.AddSeconds(-90));
        (await CompleteAsync(mail, await MfaTokenAsync(mail, email), code: tooOld)).Should().HaveProblem("invalid_mfa_code");
        (await CompleteAsync(mail, await MfaTokenAsync(mail, email), code: previous)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await CompleteAsync(mail, await MfaTokenAsync(mail, email), code: next)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Magic_link_and_email_code_sign_ins_also_end_at_the_second_factor()
    {
        await using var mail = await MailHost.StartAsync(configuration: Application());
        var (email, secret, _) = await EnrolledUserAsync(mail);

        await mail.Client.PostAsJsonAsync("/api/auth/magic-link", new { email });
        var link = await (await mail.Client.PostAsJsonAsync("/api/auth/magic-link/verify", new { token = MailHost.TokenIn(await mail.WaitForMailAsync(email, "sign-in link")) })).JsonAsync();
        link.GetProperty("mfa_required").GetBoolean().Should().BeTrue();
        mail.Host.Time.Advance(TimeSpan.FromSeconds(30));
        var byLink = await (await CompleteAsync(mail, link.GetProperty("mfa_token").GetString()!, code: CodeOf(mail, secret))).JsonAsync();
        Amr(byLink).Should().Equal("email", "mfa");

        await mail.Client.PostAsJsonAsync("/api/auth/otp", new { email });
        var otpCode = MailHost.CodeIn(await mail.WaitForMailAsync(email, "code"));
        var code = await (await mail.Client.PostAsJsonAsync("/api/auth/otp/verify", new { email, code = otpCode })).JsonAsync();
        code.GetProperty("mfa_required").GetBoolean().Should().BeTrue();
        mail.Host.Time.Advance(TimeSpan.FromSeconds(30));
        var byCode = await (await CompleteAsync(mail, code.GetProperty("mfa_token").GetString()!, code: CodeOf(mail, secret))).JsonAsync();
        Amr(byCode).Should().Equal("otp", "mfa");
    }

    [Fact]
    public async Task A_recovery_code_works_once_and_says_so_in_amr()
    {
        await using var mail = await MailHost.StartAsync(configuration: Application());
        var (email, _, recoveryCodes) = await EnrolledUserAsync(mail);

        var used = await CompleteAsync(mail, await MfaTokenAsync(mail, email), recoveryCode: recoveryCodes[3].ToUpperInvariant());
        used.StatusCode.Should().Be(HttpStatusCode.OK, "recovery codes are read regardless of case");
        Amr(await used.JsonAsync()).Should().Equal("pwd", "mfa", "rc");

        (await CompleteAsync(mail, await MfaTokenAsync(mail, email), recoveryCode: recoveryCodes[3])).Should().HaveProblem("invalid_mfa_code", "a recovery code is single-use");
        (await CompleteAsync(mail, await MfaTokenAsync(mail, email), recoveryCode: "aaaa-bbbb-cccc-dddd")).Should().HaveProblem("invalid_mfa_code");
    }

    [Fact]
    public async Task Five_wrong_codes_end_the_mfa_token()
    {
        await using var mail = await MailHost.StartAsync(configuration: Application());
        var (email, secret, _) = await EnrolledUserAsync(mail);
        var mfaToken = await MfaTokenAsync(mail, email);
        mail.Host.Time.Advance(TimeSpan.FromSeconds(30));
        var right = CodeOf(mail, secret);
        var wrong = right == "000000" ? "111111" : "000000";

        for (var i = 0; i < 5; i++)
        {
            (await CompleteAsync(mail, mfaToken, code: wrong)).Should().HaveProblem("invalid_mfa_code");
        }

        // (Past the account throttle's free failures, so the token's own budget decides.)
        mail.Host.Time.Advance(TimeSpan.FromSeconds(2));
        (await CompleteAsync(mail, mfaToken, code: right)).Should().HaveProblem("invalid_mfa_token", "the budget of five codes is spent");
        (await CompleteAsync(mail, "not-a-token", code: right)).Should().HaveProblem("invalid_mfa_token");
    }

    [Fact]
    public async Task A_new_second_step_ends_the_earlier_one()
    {
        await using var mail = await MailHost.StartAsync(configuration: Application());
        var (email, secret, _) = await EnrolledUserAsync(mail);
        var first = await MfaTokenAsync(mail, email);
        var second = await MfaTokenAsync(mail, email);
        mail.Host.Time.Advance(TimeSpan.FromSeconds(30));

        (await CompleteAsync(mail, first, code: CodeOf(mail, secret))).Should().HaveProblem("invalid_mfa_token", "only the newest mfa_token of a user works");
        (await CompleteAsync(mail, second, code: CodeOf(mail, secret))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Wrong_codes_count_against_the_account_across_mfa_tokens()
    {
        await using var mail = await MailHost.StartAsync(configuration: Application());
        var (email, secret, _) = await EnrolledUserAsync(mail);
        mail.Host.Time.Advance(TimeSpan.FromSeconds(30));
        var wrong = CodeOf(mail, secret) == "000000" ? "111111" : "000000";

        // A new mfa_token for every guess does not reset the count: after five free failures the account waits.
        for (var i = 0; i < 5; i++)
        {
            (await CompleteAsync(mail, await MfaTokenAsync(mail, email), code: wrong)).Should().HaveProblem("invalid_mfa_code");
        }

        // The password's success does not reset the count while the second factor is unproven: the account waits.
        var throttled = await mail.Client.LoginAsync(email);
        throttled.Should().HaveProblem("rate_limited", "the sixth failure in a row must wait");
        throttled.Headers.RetryAfter!.Delta.Should().BePositive("the answer says how long to wait");
    }

    [Fact]
    public async Task Twenty_simultaneous_guesses_at_one_mfa_token_get_at_most_five_checks()
    {
        await using var mail = await MailHost.StartAsync(configuration: Application());
        var (email, secret, _) = await EnrolledUserAsync(mail);
        var mfaToken = await MfaTokenAsync(mail, email);
        mail.Host.Time.Advance(TimeSpan.FromSeconds(30));
        var right = CodeOf(mail, secret);

        // Nineteen wrong guesses and the right code, all at once.
        var guesses = Enumerable.Range(0, 20).Select(i => i == 19 ? right : ((int.Parse(right, System.Globalization.CultureInfo.InvariantCulture) + i + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture));
        var answers = await Task.WhenAll(guesses.Select(async code => await (await CompleteAsync(mail, mfaToken, code: code)).Content.ReadAsStringAsync()));

        var checkedCodes = answers.Count(a => a.Contains("invalid_mfa_code", StringComparison.Ordinal) || a.Contains("access_token", StringComparison.Ordinal));
        checkedCodes.Should().BeLessThanOrEqualTo(5, "every guess takes a slot of the budget before its code is checked");
        answers.Count(a => a.Contains("access_token", StringComparison.Ordinal)).Should().BeLessThanOrEqualTo(1);
        answers.Count(a => a.Contains("invalid_mfa_token", StringComparison.Ordinal) || a.Contains("rate_limited", StringComparison.Ordinal))
            .Should().BeGreaterThanOrEqualTo(15, "the others are refused unchecked: the token's budget is spent, or the account throttle holds them");
    }

    [Fact]
    public async Task Disabling_needs_a_code_or_the_password_and_turns_the_step_off()
    {
        await using var mail = await MailHost.StartAsync(configuration: Application());
        var (email, _, codes) = await EnrolledUserAsync(mail);
        var token = await SignedInWithRecoveryAsync(mail, email, codes[0]);

        (await mail.Client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/mfa/totp/disable", token, new { })).Should().HaveProblem("validation_failed");
        (await mail.Client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/mfa/totp/disable", token, new { password = "not the password at all" })).Should().HaveProblem("invalid_credentials");
        (await mail.Client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/mfa/totp/disable", token, new { code = "123456" })).Should().HaveProblem("invalid_mfa_code");
        (await mail.Client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/mfa/totp/disable", token, new { password = ApiCalls.Password })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var login = await (await mail.Client.LoginAsync(email)).JsonAsync();
        login.TryGetProperty("access_token", out _).Should().BeTrue("no second step once MFA is off");
        login.GetProperty("user").GetProperty("mfa_enabled").GetBoolean().Should().BeFalse();
        (await mail.Client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/mfa/totp/disable", token, new { password = ApiCalls.Password })).Should().HaveProblem("conflict");
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        await using var mail = await MailHost.StartAsync(configuration: Application());
        var (email, secret, old) = await EnrolledUserAsync(mail);
        var token = await SignedInWithRecoveryAsync(mail, email, old[0]);
        mail.Host.Time.Advance(TimeSpan.FromSeconds(30));

        var regenerated = await mail.Client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/mfa/recovery-codes", token, new { code = CodeOf(mail, secret) });
        regenerated.StatusCode.Should().Be(HttpStatusCode.OK);
        var fresh = (await regenerated.JsonAsync()).GetProperty("recovery_codes").EnumerateArray().Select(c => c.GetString()!).ToList();

        fresh.Should().HaveCount(10).And.NotIntersectWith(old);
        (await CompleteAsync(mail, await MfaTokenAsync(mail, email), recoveryCode: old[1])).Should().HaveProblem("invalid_mfa_code", "the old set stopped working");
        (await CompleteAsync(mail, await MfaTokenAsync(mail, email), recoveryCode: fresh[1])).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Setup_refuses_a_second_enrolment_and_confirm_refuses_a_wrong_code()
    {
        await using var mail = await MailHost.StartAsync(configuration: Application());
        var email = Unique.Email();
        var token = (await mail.Client.SignUpAndInAsync(email)).GetProperty("access_token").GetString()!;

        (await mail.Client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/mfa/totp/confirm", token, new { code = "123456" })).Should().HaveProblem("conflict", "setup was not started");
        var setup = await (await mail.Client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/mfa/totp/setup", token)).JsonAsync();
        var secret = setup.GetProperty("secret").GetString()!;
        setup.GetProperty("otpauth_uri").GetString().Should().StartWith("otpauth://totp/").And.Contain("secret=" + secret).And.Contain("issuer=");
        Base32Encoding.ToBytes(secret).Should().HaveCount(20, "a 160-bit secret (RFC 4226 §4)");

        var wrong = CodeOf(mail, secret) == "000000" ? "111111" : "000000";
        (await mail.Client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/mfa/totp/confirm", token, new { code = wrong })).Should().HaveProblem("invalid_mfa_code");
        (await (await mail.Client.LoginAsync(email)).JsonAsync()).TryGetProperty("access_token", out _).Should().BeTrue("an unconfirmed setup changes nothing");

        (await mail.Client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/mfa/totp/confirm", token, new { code = CodeOf(mail, secret) })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await mail.Client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/mfa/totp/setup", token)).Should().HaveProblem("conflict", "disable before enrolling again");
    }

    [Fact]
    public async Task An_administrator_removes_a_users_second_factor_and_it_is_audited()
    {
        await using var mail = await MailHost.StartAsync(configuration: Application());
        var (email, _, codes) = await EnrolledUserAsync(mail);
        await SignedInWithRecoveryAsync(mail, email, codes[0]);
        var id = (await (await mail.Client.SendWithBearerAsync(HttpMethod.Get, "/api/admin/users?query=" + Uri.EscapeDataString(email), Secret)).JsonAsync())
            .GetProperty("items")[0].GetProperty("id").GetString()!;

        (await mail.Client.SendWithBearerAsync(HttpMethod.Delete, $"/api/admin/users/{id}/mfa", Secret)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var login = await (await mail.Client.LoginAsync(email)).JsonAsync();
        login.TryGetProperty("access_token", out _).Should().BeTrue();
        login.GetProperty("user").GetProperty("mfa_enabled").GetBoolean().Should().BeFalse();
        var events = (await (await mail.Client.SendWithBearerAsync(HttpMethod.Get, $"/api/admin/audit-events?user_id={id}", Secret)).JsonAsync())
            .GetProperty("items").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        events.Should().Contain(["user.mfa_enabled", "user.mfa_challenged", "user.mfa_recovery_code_used", "admin.user_mfa_removed"]);
        (await mail.Client.SendWithBearerAsync(HttpMethod.Delete, "/api/admin/users/no-such-user/mfa", Secret)).Should().HaveProblem("not_found");
    }

    [Fact]
    public async Task Roles_that_need_mfa_reach_the_token_only_after_enrolment_and_a_sign_in_with_mfa()
    {
        await using var mail = await MailHost.StartAsync(configuration: Application("admin"));
        var email = Unique.Email();
        var signedUp = await mail.Client.SignUpAndInAsync(email);
        var id = signedUp.GetProperty("user").GetProperty("id").GetString()!;
        (await mail.Client.SendWithBearerAsync(HttpMethod.Put, $"/api/admin/users/{id}/roles", Secret, new { roles = new[] { "admin", "user" } })).EnsureSuccessStatusCode();
        mail.Host.Time.Advance(TimeSpan.FromSeconds(1));

        var withoutMfa = await (await mail.Client.LoginAsync(email)).JsonAsync();
        withoutMfa.GetProperty("mfa_enrollment_required").GetBoolean().Should().BeTrue();
        Roles(withoutMfa).Should().Equal("user");
        var password = withoutMfa.GetProperty("access_token").GetString()!;
        (await mail.Client.SendWithBearerAsync(HttpMethod.Get, "/api/admin/users", password)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "admin is withheld without mfa");

        var refreshed = await (await mail.Client.RefreshAsync(withoutMfa.GetProperty("refresh_token").GetString()!)).JsonAsync();
        refreshed.GetProperty("mfa_enrollment_required").GetBoolean().Should().BeTrue("every AuthResponse says so until the user enrols");
        Roles(refreshed).Should().Equal("user");

        var setup = await (await mail.Client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/mfa/totp/setup", password)).JsonAsync();
        var secret = setup.GetProperty("secret").GetString()!;
        (await mail.Client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/mfa/totp/confirm", password, new { code = CodeOf(mail, secret) })).EnsureSuccessStatusCode();
        mail.Host.Time.Advance(TimeSpan.FromSeconds(30));

        var withMfa = await (await CompleteAsync(mail, await MfaTokenAsync(mail, email), code: CodeOf(mail, secret))).JsonAsync();
        withMfa.GetProperty("mfa_enrollment_required").GetBoolean().Should().BeFalse();
        Roles(withMfa).Should().BeEquivalentTo(["admin", "user"]);
        (await mail.Client.SendWithBearerAsync(HttpMethod.Get, "/api/admin/users", withMfa.GetProperty("access_token").GetString()!)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static async Task<(string Email, string Secret, List<string> RecoveryCodes)> EnrolledUserAsync(MailHost mail)
    {
        var email = Unique.Email();
        var token = (await mail.Client.SignUpAndInAsync(email)).GetProperty("access_token").GetString()!;

        // A verified owner: an unverified account's factor would go to whoever proves the address (AddressOwnershipTests).
        var verification = MailHost.TokenIn(await mail.WaitForMailAsync(email, "Confirm"));
        (await mail.Client.PostAsJsonAsync("/api/auth/email/verify", new { token = verification })).EnsureSuccessStatusCode();
        var setup = await mail.Client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/mfa/totp/setup", token);
        setup.StatusCode.Should().Be(HttpStatusCode.OK, await setup.Content.ReadAsStringAsync());
        var secret = (await setup.JsonAsync()).GetProperty("secret").GetString()!;
        var confirm = await mail.Client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/mfa/totp/confirm", token, new { code = CodeOf(mail, secret) });
        confirm.StatusCode.Should().Be(HttpStatusCode.OK, await confirm.Content.ReadAsStringAsync());
        var codes = (await confirm.JsonAsync()).GetProperty("recovery_codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        return (email, secret, codes);
    }

    private static async Task<string> MfaTokenAsync(MailHost mail, string email)
    {
        var step = await (await mail.Client.LoginAsync(email)).JsonAsync();
        return step.GetProperty("mfa_token").GetString()!;
    }

    private static async Task<string> SignedInWithRecoveryAsync(MailHost mail, string email, string recoveryCode)
    {
        var response = await CompleteAsync(mail, await MfaTokenAsync(mail, email), recoveryCode: recoveryCode);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("access_token").GetString()!;
    }

    private static Task<HttpResponseMessage> CompleteAsync(MailHost mail, string mfaToken, string? code = null, string? recoveryCode = null) =>
        mail.Client.PostAsJsonAsync("/api/auth/login/mfa", new { mfa_token = mfaToken, code, recovery_code = recoveryCode });

    private static string CodeOf(MailHost mail, string secret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(mail.Host.Time.GetUtcNow().UtcDateTime);

    internal static List<string?> Amr(JsonElement auth) => Claim(auth, "amr");

    private static List<string?> Roles(JsonElement auth) => Claim(auth, "roles");

    private static List<string?> Claim(JsonElement auth, string name)
    {
        var payload = auth.GetProperty("access_token").GetString()!.Split('.')[1];
        var json = JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(payload)).RootElement;
        return json.GetProperty(name).EnumerateArray().Select(a => a.GetString()).ToList();
    }
}
