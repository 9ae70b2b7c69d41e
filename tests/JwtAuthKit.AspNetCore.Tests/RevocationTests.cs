using System.Net;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;

namespace JwtAuthKit.AspNetCore.Tests;

public abstract class RevocationTests(DatabaseKind kind)
{
    [Fact]
    public async Task A_logout_on_one_node_is_refused_on_another_within_five_seconds()
    {
        var database = await TestDatabase.NewAsync(kind);
        var time = TestHost.NewClock();
        await using var nodeA = await TestHost.StartAsync(database: database, time: time);
        await using var nodeB = await TestHost.StartAsync(database: database, time: time);
        var login = await nodeA.Client.SignUpAndInAsync(Unique.Email());
        var token = login.GetProperty("access_token").GetString()!;
        (await nodeB.Client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", token)).StatusCode.Should().Be(HttpStatusCode.OK, "node B accepts node A's token");

        (await nodeA.Client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/logout", token)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await nodeA.Client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", token)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the revoking node refuses at once");

        var (onB, elapsed) = await Eventually.OnClockAsync(time, TimeSpan.FromSeconds(10),
            async () => (await nodeB.Client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", token)).StatusCode,
            status => status == HttpStatusCode.Unauthorized);

        onB.Should().Be(HttpStatusCode.Unauthorized);
        elapsed.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(5), "other nodes learn of a revocation within 5 s");
    }

    [Fact]
    public async Task A_restarted_node_still_refuses_tokens_of_sessions_revoked_before()
    {
        var database = await TestDatabase.NewAsync(kind);
        var time = TestHost.NewClock();
        string token;
        await using (var before = await TestHost.StartAsync(database: database, time: time))
        {
            token = (await before.Client.SignUpAndInAsync(Unique.Email())).GetProperty("access_token").GetString()!;
            await before.Client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/logout", token);
        }

        await using var after = await TestHost.StartAsync(database: database, time: time);

        var me = await after.Client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", token);
        (await me.ProblemCodeAsync()).Should().Be("session_revoked");
    }
}

public sealed class RevocationOnSqliteTests() : RevocationTests(DatabaseKind.Sqlite);

public sealed class RevocationOnPostgreSqlTests() : RevocationTests(DatabaseKind.PostgreSql);
