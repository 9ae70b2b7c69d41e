using System.Net.Http.Json;
using System.Net;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;

namespace JwtAuthKit.AspNetCore.Tests.Throttling;

public sealed class AccountThrottleTests
{
    private const string Wrong = "not the password at all";

    [Fact]
    public async Task After_five_failures_each_attempt_waits_a_doubling_delay_and_the_password_is_not_checked()
    {
        await using var host = await TestHost.StartAsync();
        var email = Unique.Email();
        (await host.Client.RegisterAsync(email)).EnsureSuccessStatusCode();

        for (var i = 0; i < 5; i++)
        {
            (await host.Client.LoginAsync(email, Wrong)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var throttled = await host.Client.LoginAsync(email);
        throttled.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the right password waits too: it is not checked");
        (await throttled.ProblemCodeAsync()).Should().Be("rate_limited");
        throttled.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));

        host.Time.Advance(TimeSpan.FromSeconds(1));
        (await host.Client.LoginAsync(email, Wrong)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var second = await host.Client.LoginAsync(email);
        second.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        second.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(2), "the delay doubles");

        host.Time.Advance(TimeSpan.FromSeconds(2));
        (await host.Client.LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.OK, "the owner is delayed, not locked out");
        for (var i = 0; i < 5; i++)
        {
            (await host.Client.LoginAsync(email, Wrong)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a success resets the count");
        }
    }

    [Fact]
    public async Task The_delay_is_capped_at_fifteen_minutes()
    {
        await using var host = await TestHost.StartAsync();
        var email = Unique.Email();
        (await host.Client.RegisterAsync(email)).EnsureSuccessStatusCode();

        TimeSpan? last = null;
        for (var i = 0; i < 16; i++)
        {
            var answer = await host.Client.LoginAsync(email, Wrong);
            answer.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            var next = await host.Client.LoginAsync(email, Wrong);
            last = next.Headers.RetryAfter?.Delta ?? last;
            host.Time.Advance(TimeSpan.FromMinutes(15));
        }

        last.Should().Be(TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task Unknown_addresses_are_throttled_exactly_like_known_ones()
    {
        await using var host = await TestHost.StartAsync();
        var known = Unique.Email("known");
        var unknown = Unique.Email("unknown");
        (await host.Client.RegisterAsync(known)).EnsureSuccessStatusCode();

        var answers = new Dictionary<string, List<HttpStatusCode>> { [known] = [], [unknown] = [] };
        foreach (var email in new[] { known, unknown })
        {
            for (var i = 0; i < 7; i++)
            {
                answers[email].Add((await host.Client.LoginAsync(email, Wrong)).StatusCode);
            }
        }

        answers[unknown].Should().Equal(answers[known]);
        answers[known].Skip(5).Should().OnlyContain(s => s == HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Throttle_settings_belong_to_the_application()
    {
        await using var host = await TestHost.StartAsync(configuration: new()
        {
            ["JwtAuthKit:Applications:0:Name"] = "strict",
            ["JwtAuthKit:Applications:0:Settings:AccountThrottleFreeFailures"] = "2",
        });
        var email = Unique.Email();
        (await host.Client.RegisterAsync(email)).EnsureSuccessStatusCode();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await host.Client.LoginAsync(email, Wrong)).StatusCode);
        }

        answers.Should().Equal(HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Failed_email_codes_count_against_the_account_like_passwords()
    {
        await using var host = await TestHost.StartAsync(configuration: EmailFlowTests.MailApplication());
        var email = Unique.Email();
        (await host.Client.RegisterAsync(email)).EnsureSuccessStatusCode();

        for (var i = 0; i < 5; i++)
        {
            (await host.Client.PostAsJsonAsync("/api/auth/otp/verify", new { email, code = "123456" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        (await host.Client.LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Counters_of_addresses_that_stop_failing_are_deleted_after_two_days()
    {
        await using var host = await TestHost.StartAsync();
        var cleanup = host.GetRequiredService<JwtAuthKit.Maintenance.CleanupService>();
        await host.Client.LoginAsync(Unique.Email(), Wrong);
        host.Time.Advance(TimeSpan.FromDays(1));
        await host.Client.LoginAsync(Unique.Email(), Wrong);

        await cleanup.CleanUpAsync(default);
        var early = await CountersAsync(host.DatabasePath);
        host.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await cleanup.CleanUpAsync(default);
        var later = await CountersAsync(host.DatabasePath);

        early.Should().Be(2);
        later.Should().Be(1, "only the counter whose last failure is over two days old goes");
    }

    private static async Task<long> CountersAsync(string databasePath)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM jak_attempt_counters";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
