using System.Net;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;

namespace JwtAuthKit.AspNetCore.Tests;

public abstract class RefreshTests(DatabaseKind kind)
{
    [Fact]
    public async Task Refresh_rotates_the_token_and_the_new_one_works()
    {
        await using var host = await TestHost.StartAsync(database: await TestDatabase.NewAsync(kind));
        var login = await host.Client.SignUpAndInAsync(Unique.Email());
        var first = login.GetProperty("refresh_token").GetString()!;

        var refreshed = await host.Client.RefreshAsync(first);

        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await refreshed.JsonAsync();
        var second = body.GetProperty("refresh_token").GetString()!;
        second.Should().NotBe(first);
        body.GetProperty("access_token").GetString().Should().NotBe(login.GetProperty("access_token").GetString());
        (await host.Client.RefreshAsync(second)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Replaying_a_rotated_token_inside_the_grace_window_returns_the_same_successor()
    {
        await using var host = await TestHost.StartAsync(database: await TestDatabase.NewAsync(kind));
        var token = (await host.Client.SignUpAndInAsync(Unique.Email())).GetProperty("refresh_token").GetString()!;

        var a = await (await host.Client.RefreshAsync(token)).JsonAsync();
        host.Time.Advance(TimeSpan.FromSeconds(4));
        var b = await (await host.Client.RefreshAsync(token)).JsonAsync();

        b.GetProperty("refresh_token").GetString().Should().Be(a.GetProperty("refresh_token").GetString());
    }

    [Fact]
    public async Task Replaying_a_rotated_token_after_the_grace_window_revokes_the_whole_session()
    {
        await using var host = await TestHost.StartAsync(database: await TestDatabase.NewAsync(kind));
        var login = await host.Client.SignUpAndInAsync(Unique.Email());
        var first = login.GetProperty("refresh_token").GetString()!;
        var rotated = await (await host.Client.RefreshAsync(first)).JsonAsync();

        host.Time.Advance(TimeSpan.FromSeconds(6));
        var replay = await host.Client.RefreshAsync(first);

        replay.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await replay.ProblemCodeAsync()).Should().Be("refresh_token_reused");
        var successor = await host.Client.RefreshAsync(rotated.GetProperty("refresh_token").GetString()!);
        (await successor.ProblemCodeAsync()).Should().Be("invalid_refresh_token", "the legitimate successor dies with the session");
        var me = await host.Client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", rotated.GetProperty("access_token").GetString()!);
        me.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await me.ProblemCodeAsync()).Should().Be("session_revoked");
    }

    [Fact]
    public async Task Eight_concurrent_refreshes_of_one_token_all_succeed_with_one_successor()
    {
        await using var host = await TestHost.StartAsync(database: await TestDatabase.NewAsync(kind));
        var token = (await host.Client.SignUpAndInAsync(Unique.Email())).GetProperty("refresh_token").GetString()!;

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => host.Client.RefreshAsync(token)));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        var successors = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync()).GetProperty("refresh_token").GetString()));
        successors.Distinct().Should().ContainSingle();
        (await host.Client.RefreshAsync(successors[0]!)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_and_malformed_tokens_get_401_invalid_refresh_token()
    {
        await using var host = await TestHost.StartAsync(database: await TestDatabase.NewAsync(kind));

        foreach (var token in new[] { "nope", SecretTokens.Create(), new string('a', 5000), "" })
        {
            var response = await host.Client.RefreshAsync(token);
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await response.ProblemCodeAsync()).Should().Be("invalid_refresh_token");
        }
    }

    [Fact]
    public async Task A_refresh_token_unused_for_the_idle_lifetime_expires()
    {
        await using var host = await TestHost.StartAsync(database: await TestDatabase.NewAsync(kind));
        var token = (await host.Client.SignUpAndInAsync(Unique.Email())).GetProperty("refresh_token").GetString()!;

        host.Time.Advance(TimeSpan.FromDays(30) + TimeSpan.FromSeconds(1));

        (await (await host.Client.RefreshAsync(token)).ProblemCodeAsync()).Should().Be("invalid_refresh_token");
    }

    [Fact]
    public async Task A_session_ends_at_its_absolute_lifetime_however_often_it_is_refreshed()
    {
        await using var host = await TestHost.StartAsync(database: await TestDatabase.NewAsync(kind));
        var token = (await host.Client.SignUpAndInAsync(Unique.Email())).GetProperty("refresh_token").GetString()!;

        for (var day = 0; day < 80; day += 20)
        {
            host.Time.Advance(TimeSpan.FromDays(20));
            var response = await host.Client.RefreshAsync(token);
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"day {day + 20} is inside both lifetimes");
            var body = await response.JsonAsync();
            token = body.GetProperty("refresh_token").GetString()!;
            body.GetProperty("refresh_token_expires_in").GetInt32().Should().BeLessThanOrEqualTo(30 * 86400);
        }

        host.Time.Advance(TimeSpan.FromDays(11));
        (await (await host.Client.RefreshAsync(token)).ProblemCodeAsync()).Should().Be("invalid_refresh_token");
    }

    [Fact]
    public async Task A_key_of_another_application_cannot_refresh()
    {
        await using var host = await TestHost.StartAsync(database: await TestDatabase.NewAsync(kind), configuration: ApplicationTests.FourApplications());
        var email = Unique.Email();
        var login = await host.NewClient(ApplicationTests.OpenKey).SignUpAndInAsync(email);

        var response = await host.NewClient(ApplicationTests.ClosedKey).RefreshAsync(login.GetProperty("refresh_token").GetString()!);

        (await response.ProblemCodeAsync()).Should().Be("invalid_refresh_token");
    }
}

public sealed class RefreshOnSqliteTests() : RefreshTests(DatabaseKind.Sqlite);

public sealed class RefreshOnPostgreSqlTests() : RefreshTests(DatabaseKind.PostgreSql);
