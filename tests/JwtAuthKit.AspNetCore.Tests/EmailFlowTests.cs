using JwtAuthKit.Smtp;
using System.Net;
using System.Net.Http.Json;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using JwtAuthKit.Email;
using JwtAuthKit.Testing;
using Microsoft.Data.Sqlite;
using MimeKit;

namespace JwtAuthKit.AspNetCore.Tests;

public abstract class EmailFlowTests(DatabaseKind kind)
{
    public static Dictionary<string, string?> MailApplication(bool signup = true) => new()
    {
        ["JwtAuthKit:Applications:0:Name"] = "Mail <App>",
        ["JwtAuthKit:Applications:0:PublishableKey"] = "pk_mail000000000000000000000000000",
        ["JwtAuthKit:Applications:0:Settings:MagicLinkEnabled"] = "true",
        ["JwtAuthKit:Applications:0:Settings:EmailOtpEnabled"] = "true",
        ["JwtAuthKit:Applications:0:Settings:SignupEnabled"] = signup ? "true" : "false",
        ["JwtAuthKit:Applications:0:Settings:RedirectUrls:0"] = "https://app.example.com/welcome",
    };

    [Fact]
    public async Task Sign_up_sends_a_verification_link_that_verifies_once()
    {
        await using var mail = await MailHost.StartAsync(database: await TestDatabase.NewAsync(kind), configuration: MailApplication());
        var email = Unique.Email();

        (await mail.Client.RegisterAsync(email)).EnsureSuccessStatusCode();
        var message = await mail.WaitForMailAsync(email, "Confirm your email");

        message.Subject.Should().Be("Confirm your email for Mail <App>");
        message.MessageId.Should().EndWith("@example.com");
        message.Body.Should().BeOfType<MultipartAlternative>();
        message.HtmlBody.Should().Contain("Mail &lt;App&gt;", "values are HTML-encoded in the HTML body");
        MailHost.LinkIn(message).Should().StartWith(TestHost.Issuer + "/auth/verify-email?token=");
        var token = MailHost.TokenIn(message);

        var verified = await mail.Client.PostAsJsonAsync("/api/auth/email/verify", new { token });
        var again = await mail.Client.PostAsJsonAsync("/api/auth/email/verify", new { token });

        verified.StatusCode.Should().Be(HttpStatusCode.OK);
        (await verified.JsonAsync()).GetProperty("email_verified").GetBoolean().Should().BeTrue();
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await again.ProblemCodeAsync()).Should().Be("invalid_token");
    }

    [Fact]
    public async Task A_verification_link_expires_after_24_hours()
    {
        await using var mail = await MailHost.StartAsync(database: await TestDatabase.NewAsync(kind), configuration: MailApplication());
        var email = Unique.Email();
        await mail.Client.RegisterAsync(email);
        var token = MailHost.TokenIn(await mail.WaitForMailAsync(email, "Confirm"));

        mail.Host.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        (await (await mail.Client.PostAsJsonAsync("/api/auth/email/verify", new { token })).ProblemCodeAsync()).Should().Be("invalid_token");
    }

    [Fact]
    public async Task Required_verification_blocks_password_sign_in_until_the_link_is_used()
    {
        var config = MailApplication();
        config["JwtAuthKit:Applications:0:Settings:RequireEmailVerification"] = "true";
        await using var mail = await MailHost.StartAsync(database: await TestDatabase.NewAsync(kind), configuration: config);
        var email = Unique.Email();
        await mail.Client.RegisterAsync(email);
        (await (await mail.Client.LoginAsync(email)).ProblemCodeAsync()).Should().Be("email_not_verified");

        var token = MailHost.TokenIn(await mail.WaitForMailAsync(email, "Confirm"));
        (await mail.Client.PostAsJsonAsync("/api/auth/email/verify", new { token })).EnsureSuccessStatusCode();

        (await mail.Client.LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Requests_for_mail_answer_202_alike_for_known_and_unknown_addresses_and_send_at_most_one_a_minute()
    {
        var known = Unique.Email("known");
        var unknown = Unique.Email("unknown");
        await using var open = await MailHost.StartAsync(database: await TestDatabase.NewAsync(kind), configuration: MailApplication());
        (await open.Client.RegisterAsync(known)).EnsureSuccessStatusCode();
        await open.WaitForMailAsync(known, "Confirm");

        foreach (var path in new[] { "/api/auth/password/forgot", "/api/auth/email/resend", "/api/auth/magic-link", "/api/auth/otp" })
        {
            var forKnown = await open.Client.PostAsJsonAsync(path, new { email = known });
            var forUnknown = await open.Client.PostAsJsonAsync(path, new { email = unknown });
            forKnown.StatusCode.Should().Be(HttpStatusCode.Accepted, path);
            forUnknown.StatusCode.Should().Be(HttpStatusCode.Accepted, path);
            (await forKnown.Content.ReadAsStringAsync()).Should().Be(await forUnknown.Content.ReadAsStringAsync());
        }

        // A second reset request within the minute sends nothing more.
        await open.Client.PostAsJsonAsync("/api/auth/password/forgot", new { email = known });
        await open.WaitForMailAsync(known, "Reset your");
        await open.Host.EmailRequestsDoneAsync();
        var outbox = open.Host.GetRequiredService<IEmailOutboxStore>();
        var resets = (await outbox.ListAsync(null, null, 0, 100, default)).Count(m => m.To == known && m.Kind == EmailKind.PasswordReset);
        resets.Should().Be(1);

        open.Host.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        await open.Client.PostAsJsonAsync("/api/auth/password/forgot", new { email = known });
        await open.Host.EmailRequestsDoneAsync();
        (await outbox.ListAsync(null, null, 0, 100, default)).Count(m => m.To == known && m.Kind == EmailKind.PasswordReset).Should().Be(2);
    }

    [Fact]
    public async Task Password_reset_sets_the_password_ends_every_session_and_sends_a_notice()
    {
        await using var mail = await MailHost.StartAsync(database: await TestDatabase.NewAsync(kind), configuration: MailApplication());
        var email = Unique.Email();
        var login = await mail.Client.SignUpAndInAsync(email);
        (await mail.Client.PostAsJsonAsync("/api/auth/password/forgot", new { email = email.ToUpperInvariant() })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var message = await mail.WaitForMailAsync(email, "Reset your");
        var token = MailHost.TokenIn(message);
        MailHost.LinkIn(message).Should().StartWith(TestHost.Issuer + "/auth/reset-password?token=");

        var weak = await mail.Client.PostAsJsonAsync("/api/auth/password/reset", new { token, new_password = "password1" });
        var reset = await mail.Client.PostAsJsonAsync("/api/auth/password/reset", new { token, new_password = "a completely new passphrase" });
        var reused = await mail.Client.PostAsJsonAsync("/api/auth/password/reset", new { token, new_password = "yet another passphrase" });

        (await weak.ProblemCodeAsync()).Should().Be("weak_password", "a weak choice does not spend the link");
        reset.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await reused.ProblemCodeAsync()).Should().Be("invalid_token");
        (await (await mail.Client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", login.GetProperty("access_token").GetString()!)).ProblemCodeAsync()).Should().Be("session_revoked");
        (await (await mail.Client.RefreshAsync(login.GetProperty("refresh_token").GetString()!)).ProblemCodeAsync()).Should().Be("invalid_refresh_token");
        (await mail.Client.LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await mail.Client.LoginAsync(email, "a completely new passphrase")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await mail.WaitForMailAsync(email, "password was changed")).TextBody.Should().Contain(email);
    }

    [Fact]
    public async Task A_reset_link_expires_after_an_hour_and_only_the_newest_works()
    {
        await using var mail = await MailHost.StartAsync(database: await TestDatabase.NewAsync(kind), configuration: MailApplication());
        var email = Unique.Email();
        await mail.Client.SignUpAndInAsync(email);
        await mail.Client.PostAsJsonAsync("/api/auth/password/forgot", new { email });
        var first = MailHost.TokenIn(await mail.WaitForMailAsync(email, "Reset your"));
        mail.Host.Time.Advance(TimeSpan.FromMinutes(2));
        await mail.Client.PostAsJsonAsync("/api/auth/password/forgot", new { email });
        var second = MailHost.TokenIn(await mail.WaitForMailAsync(email, "Reset your"));

        (await (await mail.Client.PostAsJsonAsync("/api/auth/password/reset", new { token = first, new_password = "a completely new passphrase" })).ProblemCodeAsync()).Should().Be("invalid_token");
        mail.Host.Time.Advance(TimeSpan.FromHours(1));
        (await (await mail.Client.PostAsJsonAsync("/api/auth/password/reset", new { token = second, new_password = "a completely new passphrase" })).ProblemCodeAsync()).Should().Be("invalid_token");
    }

    [Fact]
    public async Task Magic_link_checks_the_redirect_and_signs_in_once_creating_a_verified_user()
    {
        await using var mail = await MailHost.StartAsync(database: await TestDatabase.NewAsync(kind), configuration: MailApplication());
        var email = Unique.Email();

        var badRedirect = await mail.Client.PostAsJsonAsync("/api/auth/magic-link", new { email, redirect_to = "https://evil.example.com/welcome" });
        var accepted = await mail.Client.PostAsJsonAsync("/api/auth/magic-link", new { email, redirect_to = "https://app.example.com/welcome" });
        var message = await mail.WaitForMailAsync(email, "sign-in link");
        var token = MailHost.TokenIn(message);
        var signedIn = await mail.Client.PostAsJsonAsync("/api/auth/magic-link/verify", new { token });
        var reused = await mail.Client.PostAsJsonAsync("/api/auth/magic-link/verify", new { token });

        (await badRedirect.ProblemCodeAsync()).Should().Be("invalid_redirect");
        accepted.StatusCode.Should().Be(HttpStatusCode.Accepted);
        MailHost.LinkIn(message).Should().StartWith("https://app.example.com/welcome?token=");
        signedIn.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await signedIn.JsonAsync();
        body.GetProperty("user").GetProperty("email_verified").GetBoolean().Should().BeTrue();
        Amr(body).Should().Equal("email");
        (await reused.ProblemCodeAsync()).Should().Be("invalid_token");
    }

    [Fact]
    public async Task Magic_link_expires_after_15_minutes()
    {
        await using var mail = await MailHost.StartAsync(database: await TestDatabase.NewAsync(kind), configuration: MailApplication());
        var email = Unique.Email();
        await mail.Client.PostAsJsonAsync("/api/auth/magic-link", new { email });
        var token = MailHost.TokenIn(await mail.WaitForMailAsync(email, "sign-in link"));

        mail.Host.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        (await (await mail.Client.PostAsJsonAsync("/api/auth/magic-link/verify", new { token })).ProblemCodeAsync()).Should().Be("invalid_token");
    }

    [Fact]
    public async Task Disabled_methods_answer_403_method_disabled()
    {
        await using var mail = await MailHost.StartAsync(database: await TestDatabase.NewAsync(kind));

        foreach (var (path, body) in new (string, object)[]
        {
            ("/api/auth/magic-link", new { email = "a@example.com" }),
            ("/api/auth/otp", new { email = "a@example.com" }),
            ("/api/auth/otp/verify", new { email = "a@example.com", code = "123456" }),
        })
        {
            var response = await mail.Client.PostAsJsonAsync(path, body);
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden, path);
            (await response.ProblemCodeAsync()).Should().Be("method_disabled");
        }
    }

    [Fact]
    public async Task An_email_code_signs_in_and_five_wrong_tries_end_it()
    {
        await using var mail = await MailHost.StartAsync(database: await TestDatabase.NewAsync(kind), configuration: MailApplication());
        var email = Unique.Email();
        await mail.Client.PostAsJsonAsync("/api/auth/otp", new { email });
        var code = MailHost.CodeIn(await mail.WaitForMailAsync(email, "sign-in code"));
        code.Should().MatchRegex("^[0-9]{6}$");
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < 5; i++)
        {
            (await (await mail.Client.PostAsJsonAsync("/api/auth/otp/verify", new { email, code = wrong })).ProblemCodeAsync()).Should().Be("invalid_token");
        }

        mail.Host.Time.Advance(TimeSpan.FromSeconds(2)); // past the account throttle's first delay: the code's budget alone decides
        var afterFive = await mail.Client.PostAsJsonAsync("/api/auth/otp/verify", new { email, code });
        (await afterFive.ProblemCodeAsync()).Should().Be("invalid_token", "five wrong codes end the code");

        mail.Host.Time.Advance(TimeSpan.FromMinutes(2));
        await mail.Client.PostAsJsonAsync("/api/auth/otp", new { email });
        var fresh = MailHost.CodeIn(await mail.WaitForMailAsync(email, "sign-in code"));
        var signedIn = await mail.Client.PostAsJsonAsync("/api/auth/otp/verify", new { email = email.ToUpperInvariant(), code = fresh });
        signedIn.StatusCode.Should().Be(HttpStatusCode.OK);
        Amr(await signedIn.JsonAsync()).Should().Equal("otp");
        (await (await mail.Client.PostAsJsonAsync("/api/auth/otp/verify", new { email, code = fresh })).ProblemCodeAsync()).Should().Be("invalid_token");
    }

    [Fact]
    public async Task An_email_code_expires_after_ten_minutes()
    {
        await using var mail = await MailHost.StartAsync(database: await TestDatabase.NewAsync(kind), configuration: MailApplication());
        var email = Unique.Email();
        await mail.Client.PostAsJsonAsync("/api/auth/otp", new { email });
        var code = MailHost.CodeIn(await mail.WaitForMailAsync(email, "sign-in code"));

        mail.Host.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        (await (await mail.Client.PostAsJsonAsync("/api/auth/otp/verify", new { email, code })).ProblemCodeAsync()).Should().Be("invalid_token");
    }

    [Fact]
    public async Task Sign_up_off_means_no_mail_and_no_account_for_unknown_addresses()
    {
        await using var mail = await MailHost.StartAsync(database: await TestDatabase.NewAsync(kind), configuration: MailApplication(signup: false));
        var email = Unique.Email();

        (await mail.Client.PostAsJsonAsync("/api/auth/magic-link", new { email })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await mail.Client.PostAsJsonAsync("/api/auth/otp", new { email })).StatusCode.Should().Be(HttpStatusCode.Accepted);

        (await mail.Host.GetRequiredService<IEmailOutboxStore>().ListAsync(null, null, 0, 10, default)).Should().BeEmpty();
    }

    [Fact]
    public async Task Application_templates_and_pages_replace_the_defaults()
    {
        var config = MailApplication();
        config["JwtAuthKit:Applications:0:Settings:EmailVerificationUrl"] = "https://app.example.com/verify";
        config["JwtAuthKit:Applications:0:Settings:EmailFromAddress"] = "hello@app.example.com";
        config["JwtAuthKit:Applications:0:Settings:EmailTemplates:verify_email:Subject"] = "Welcome to {{app_name}}, {{email}}";
        config["JwtAuthKit:Applications:0:Settings:EmailTemplates:verify_email:Text"] = "Click {{link}}";
        config["JwtAuthKit:Applications:0:Settings:EmailTemplates:verify_email:Html"] = "<p>Hi {{email}}: <a href=\"{{link}}\">go</a></p>";
        await using var mail = await MailHost.StartAsync(database: await TestDatabase.NewAsync(kind), configuration: config);
        var email = Unique.Email();

        await mail.Client.RegisterAsync(email);
        var message = await mail.WaitForMailAsync(email, "Welcome");

        message.Subject.Should().Be($"Welcome to Mail <App>, {email}");
        message.From.Mailboxes.Single().Address.Should().Be("hello@app.example.com");
        message.TextBody.Should().StartWith("Click https://app.example.com/verify?token=");
        message.HtmlBody.Should().StartWith($"<p>Hi {email}: <a href=\"https://app.example.com/verify?token=");
    }

    [Fact]
    public async Task No_one_time_token_or_code_is_stored_in_plain_text()
    {
        await using var mail = await MailHost.StartAsync(database: await TestDatabase.NewAsync(kind), configuration: MailApplication());
        var email = Unique.Email();
        await mail.Client.RegisterAsync(email);
        var verifyToken = MailHost.TokenIn(await mail.WaitForMailAsync(email, "Confirm"));
        await mail.Client.PostAsJsonAsync("/api/auth/password/forgot", new { email });
        var resetToken = MailHost.TokenIn(await mail.WaitForMailAsync(email, "Reset your"));
        await mail.Client.PostAsJsonAsync("/api/auth/magic-link", new { email });
        var magicToken = MailHost.TokenIn(await mail.WaitForMailAsync(email, "sign-in link"));
        await mail.Client.PostAsJsonAsync("/api/auth/otp", new { email });
        var code = MailHost.CodeIn(await mail.WaitForMailAsync(email, "sign-in code"));

        var stored = await ReadAllTextColumnsAsync(mail.Host.Database, "jak_one_time_tokens", "jak_email_messages");
        stored.Should().Contain(email, "the test reads the right tables");
        foreach (var secret in new[] { verifyToken, resetToken, magicToken, code })
        {
            stored.Should().NotContain(secret);
        }
    }

    [Fact]
    public async Task Mail_survives_an_SMTP_outage_and_a_host_restart()
    {
        var database = await TestDatabase.NewAsync(kind);
        var time = TestHost.NewClock();
        var smtpPort = InProcessSmtpServer.FreePort();
        var email = Unique.Email();
        var smtpDown = await MailHost.StartAsync(configuration: MailApplication(), database: database, time: time, smtpPort: smtpPort);
        await smtpDown.Client.SignUpAndInAsync(email);
        await smtpDown.WaitForMailAsync(email, "Confirm");
        await smtpDown.Smtp.DisposeAsync(); // The mail server goes down.

        var started = DateTime.UtcNow;
        var forgot = await smtpDown.Client.PostAsJsonAsync("/api/auth/password/forgot", new { email });
        forgot.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(2), "the request does not wait for the mail server");
        var outbox = smtpDown.Host.GetRequiredService<IEmailOutboxStore>();
        EmailMessage? pending = null;
        for (var i = 0; i < 100 && pending?.Attempts is not > 0; i++)
        {
            await Task.Delay(50);
            pending = (await outbox.ListAsync(null, EmailStatus.Pending, 0, 10, default)).SingleOrDefault(m => m.Kind == EmailKind.PasswordReset);
        }

        pending!.Attempts.Should().BeGreaterThan(0);
        pending.LastError.Should().NotBeNullOrEmpty();
        await smtpDown.Host.DisposeAsync(); // The host restarts too.

        await using var smtp = await InProcessSmtpServer.StartAsync(smtpPort);
        await using var host = await TestHost.StartAsync(database: database, time: time, configuration: MailApplication(), kit: kit => kit.AddSmtpEmailSender(o =>
        {
            o.Host = "127.0.0.1";
            o.Port = smtpPort;
            o.Security = JwtAuthKit.Smtp.SmtpSecurity.None;
            o.From = "auth@example.com";
        }));
        time.Advance(TimeSpan.FromMinutes(1)); // Past the back-off.

        // The new host's first poll may still be reading when the clock jumps; its next one waits on the clock, so move it on.
        var waiting = smtp.WaitForMessageAsync(m => m.Subject!.Contains("Reset your", StringComparison.Ordinal));
        while (!waiting.IsCompleted)
        {
            await Task.WhenAny(waiting, Task.Delay(200));
            time.Advance(TimeSpan.FromMilliseconds(200));
        }

        var arrived = await waiting;
        var token = MailHost.TokenIn(arrived);
        (await host.Client.PostAsJsonAsync("/api/auth/password/reset", new { token, new_password = "a completely new passphrase" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var sent = await host.GetRequiredService<IEmailOutboxStore>().FindAsync(pending.Id, default);
        sent!.Status.Should().Be(EmailStatus.Sent);
        sent.ProtectedTextBody.Should().BeNull("delivered content is erased");
    }

    [Fact]
    public async Task After_the_last_attempt_a_message_is_failed_and_can_be_retried()
    {
        var smtpPort = InProcessSmtpServer.FreePort();
        await using var host = await TestHost.StartAsync(database: await TestDatabase.NewAsync(kind), configure: o =>
        {
            o.Email.MaxAttempts = 2;
            o.Email.InitialRetryDelay = TimeSpan.FromMilliseconds(10);
            o.Email.MaxRetryDelay = TimeSpan.FromMilliseconds(10);
        }, configuration: MailApplication(), kit: kit => kit.AddSmtpEmailSender(o =>
        {
            o.Host = "127.0.0.1";
            o.Port = smtpPort;
            o.Security = JwtAuthKit.Smtp.SmtpSecurity.None;
            o.From = "auth@example.com";
        }));
        var email = Unique.Email();
        await host.Client.RegisterAsync(email);
        var outbox = host.GetRequiredService<IEmailOutboxStore>();
        IReadOnlyList<EmailMessage> failed = [];
        for (var i = 0; i < 100 && failed.Count == 0; i++)
        {
            await Task.Delay(50);
            host.Time.Advance(TimeSpan.FromSeconds(1));
            failed = await outbox.ListAsync(null, EmailStatus.Failed, 0, 10, default);
        }

        failed.Should().ContainSingle().Which.Attempts.Should().Be(2);

        await using var smtp = await InProcessSmtpServer.StartAsync(smtpPort);
        (await outbox.RetryAsync(failed[0].Id, host.Time.GetUtcNow(), default)).Should().BeTrue();
        host.Time.Advance(TimeSpan.FromSeconds(1)); // The next poll of the outbox finds it.
        (await smtp.WaitForMessageAsync()).To.Mailboxes.Single().Address.Should().Be(email);
    }

    [Fact]
    public async Task Mail_of_the_unnamed_default_application_comes_from_a_proper_sender()
    {
        await using var mail = await MailHost.StartAsync(database: await TestDatabase.NewAsync(kind), configure: o => o.Email.FromAddress = "no-reply@shop.example");
        var email = Unique.Email();

        await mail.Client.RegisterAsync(email);

        var message = await mail.WaitForMailAsync(email, "Confirm");
        var from = message.From.Mailboxes.Single();
        from.Name.Should().Be("JwtAuthKit", "not the placeholder name 'default'");
        from.Address.Should().Be("no-reply@shop.example");
    }

    private static List<string?> Amr(System.Text.Json.JsonElement auth)
    {
        var payload = auth.GetProperty("access_token").GetString()!.Split('.')[1];
        var json = System.Text.Json.JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(payload)).RootElement;
        return json.GetProperty("amr").EnumerateArray().Select(a => a.GetString()).ToList();
    }

    private static async Task<string> ReadAllTextColumnsAsync(TestDatabase database, params string[] tables)
    {
        await using var connection = database.NewConnection();
        await connection.OpenAsync();
        var all = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    all.Append(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
                }
            }
        }

        return all.ToString();
    }
}

public sealed class EmailFlowOnSqliteTests() : EmailFlowTests(DatabaseKind.Sqlite);

public sealed class EmailFlowOnPostgreSqlTests() : EmailFlowTests(DatabaseKind.PostgreSql);
