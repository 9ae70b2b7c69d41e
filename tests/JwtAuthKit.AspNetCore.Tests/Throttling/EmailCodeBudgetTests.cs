using System.Net;
using System.Net.Http.Json;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using JwtAuthKit.Email;
using Microsoft.Data.Sqlite;

namespace JwtAuthKit.AspNetCore.Tests.Throttling;

public sealed class EmailCodeBudgetTests
{
    [Fact]
    public async Task Twenty_simultaneous_guesses_at_one_code_get_at_most_five_evaluated()
    {
        await using var mail = await MailHost.StartAsync(configuration: EmailFlowTests.MailApplication());
        var email = Unique.Email();
        await mail.Client.PostAsJsonAsync("/api/auth/otp", new { email });
        var code = MailHost.CodeIn(await mail.WaitForMailAsync(email, "sign-in code"));
        var wrong = Enumerable.Range(0, 19).Select(i => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1 + i) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture));

        // The right code is last in the burst: without an atomic budget it would be evaluated and accepted.
        var guesses = wrong.Append(code).ToArray();
        var answers = await Task.WhenAll(guesses.Select(guess => mail.Client.PostAsJsonAsync("/api/auth/otp/verify", new { email, code = guess })));

        var attempts = await AttemptsTakenAsync(mail.Host.DatabasePath, email);
        attempts.Should().BeLessThanOrEqualTo(5, "only a caller who got one of the code's five attempts compares it");
        answers.Count(a => a.StatusCode == HttpStatusCode.OK).Should().BeLessThanOrEqualTo(1);
        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.OK || a.StatusCode == HttpStatusCode.BadRequest || a.StatusCode == HttpStatusCode.TooManyRequests);
        if (answers[^1].StatusCode == HttpStatusCode.OK)
        {
            attempts.Should().BeGreaterThan(0);
        }
    }

    [Fact]
    public async Task The_right_code_as_the_sixth_guess_is_refused_even_in_a_burst()
    {
        await using var mail = await MailHost.StartAsync(configuration: EmailFlowTests.MailApplication());
        var email = Unique.Email();
        await mail.Client.PostAsJsonAsync("/api/auth/otp", new { email });
        var code = MailHost.CodeIn(await mail.WaitForMailAsync(email, "sign-in code"));
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
        {
            (await (await mail.Client.PostAsJsonAsync("/api/auth/otp/verify", new { email, code = wrong })).ProblemCodeAsync()).Should().Be("invalid_token");
        }

        mail.Host.Time.Advance(TimeSpan.FromMinutes(1)); // past the account throttle's first delay: the budget alone decides
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => mail.Client.PostAsJsonAsync("/api/auth/otp/verify", new { email, code })));

        answers.Should().NotContain(a => a.StatusCode == HttpStatusCode.OK, "the budget of five is spent");
        (await AttemptsTakenAsync(mail.Host.DatabasePath, email)).Should().Be(5);
    }

    [Fact]
    public async Task At_most_five_codes_an_hour_go_to_one_address_and_every_request_still_answers_202()
    {
        await using var mail = await MailHost.StartAsync(configuration: EmailFlowTests.MailApplication());
        var email = Unique.Email();
        var outbox = mail.Host.GetRequiredService<IEmailOutboxStore>();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await mail.Client.PostAsJsonAsync("/api/auth/otp", new { email })).StatusCode);
            await mail.Host.EmailRequestsDoneAsync();
            mail.Host.Time.Advance(TimeSpan.FromMinutes(2));
        }

        statuses.Should().OnlyContain(s => s == HttpStatusCode.Accepted);
        (await CodesSentAsync(outbox, email)).Should().Be(5);

        mail.Host.Time.Advance(TimeSpan.FromHours(1));
        await mail.Client.PostAsJsonAsync("/api/auth/otp", new { email });
        await mail.Host.EmailRequestsDoneAsync();
        (await CodesSentAsync(outbox, email)).Should().Be(6, "the cap counts the last hour");
    }

    [Fact]
    public async Task A_request_that_sends_nothing_leaves_the_live_code_working_and_stores_nothing()
    {
        await using var mail = await MailHost.StartAsync(configuration: EmailFlowTests.MailApplication());
        var email = Unique.Email();
        await mail.Client.PostAsJsonAsync("/api/auth/otp", new { email });
        var code = MailHost.CodeIn(await mail.WaitForMailAsync(email, "sign-in code"));

        var again = await mail.Client.PostAsJsonAsync("/api/auth/otp", new { email }); // within the minute: sends nothing
        await mail.Host.EmailRequestsDoneAsync();

        again.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await CodesSentAsync(mail.Host.GetRequiredService<IEmailOutboxStore>(), email)).Should().Be(1);
        (await mail.Client.PostAsJsonAsync("/api/auth/otp/verify", new { email, code })).StatusCode.Should().Be(HttpStatusCode.OK,
            "the same work was done, but the first code was not replaced");
    }

    [Fact]
    public async Task The_hourly_cap_is_an_application_setting()
    {
        var config = EmailFlowTests.MailApplication();
        config["JwtAuthKit:Applications:0:Settings:EmailsPerAddressPerHour"] = "2";
        await using var mail = await MailHost.StartAsync(configuration: config);
        var email = Unique.Email();

        for (var i = 0; i < 4; i++)
        {
            await mail.Client.PostAsJsonAsync("/api/auth/magic-link", new { email });
            await mail.Host.EmailRequestsDoneAsync();
            mail.Host.Time.Advance(TimeSpan.FromMinutes(2));
        }

        (await mail.Host.GetRequiredService<IEmailOutboxStore>().ListAsync(null, null, 0, 100, default)).Count(m => m.To == email && m.Kind == EmailKind.MagicLink).Should().Be(2);
    }

    private static async Task<int> CodesSentAsync(IEmailOutboxStore outbox, string email) =>
        (await outbox.ListAsync(null, null, 0, 100, default)).Count(m => m.To == email && m.Kind == EmailKind.EmailOtp);

    private static async Task<long> AttemptsTakenAsync(string databasePath, string email)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(FailedAttempts) FROM jak_one_time_tokens WHERE Email = $email AND Purpose = 'email_otp'";
        command.Parameters.AddWithValue("$email", email);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
