using System.Diagnostics;
using System.Net;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using JwtAuthKit.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;

namespace JwtAuthKit.AspNetCore.Tests;

/// <summary>
/// Two nodes on one PostgreSQL database. Their clock never moves here: whatever reaches the other node does so because
/// PostgreSQL pushed it (LISTEN/NOTIFY), not because a poll interval passed. The bound of a few seconds is there so a
/// test fails rather than hangs; how fast the push is belongs to the benchmark (revocation on a second node, p50/p99).
/// </summary>
public sealed class SeveralHostsOnPostgreSqlTests
{
    // Generous: on a loaded CI machine (several suites in parallel on two cores) a push that takes 40 ms when quiet has been
    // seen to take over a second. The clock stands still, so no poll can stand in for the push however long this is.
    private static readonly TimeSpan Push = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_logout_on_one_node_is_refused_on_the_other_without_a_poll()
    {
        var (nodeA, nodeB) = await TwoNodesAsync();
        await using var a = nodeA;
        await using var b = nodeB;
        var token = (await a.Client.SignUpAndInAsync(Unique.Email())).GetProperty("access_token").GetString()!;
        (await b.Client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", token)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await a.Client.SendWithBearerAsync(HttpMethod.Post, "/api/auth/logout", token)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var (refused, elapsed) = await WithinAsync(async () =>
            (await b.Client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", token)).StatusCode == HttpStatusCode.Unauthorized);

        refused.Should().BeTrue($"node B refuses a token revoked on node A within {Push.TotalSeconds} s (took {elapsed.TotalMilliseconds:F0} ms)");
    }

    [Fact]
    public async Task A_role_change_on_one_node_makes_the_other_answer_token_stale_without_a_poll()
    {
        var (nodeA, nodeB) = await TwoNodesAsync(TwoApplications.Configuration());
        await using var a = nodeA;
        await using var b = nodeB;
        var signedIn = await a.NewClient(TwoApplications.AlphaPublishable).SignUpAndInAsync(Unique.Email());
        var token = signedIn.GetProperty("access_token").GetString()!;
        var id = signedIn.GetProperty("user").GetProperty("id").GetString()!;
        (await a.Client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", token)).StatusCode.Should().Be(HttpStatusCode.OK);
        // The change must be later than the token's issue time; one second is less than the poll interval (2 s), so no
        // poll is due when it lands, and the clock does not move again.
        a.Time.Advance(TimeSpan.FromSeconds(1));

        (await b.Client.SendWithBearerAsync(HttpMethod.Put, $"/api/admin/users/{id}/roles", TwoApplications.AlphaSecret, new { roles = new[] { "admin" } }))
            .EnsureSuccessStatusCode();
        var (stale, _) = await WithinAsync(async () =>
            (await a.Client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", token)).StatusCode == HttpStatusCode.Unauthorized);

        stale.Should().BeTrue();
        (await a.Client.SendWithBearerAsync(HttpMethod.Get, "/api/auth/me", token)).Should().HaveProblem("token_stale");
    }

    [Fact]
    public async Task A_key_rotated_on_one_node_is_published_by_the_other_at_once()
    {
        var (nodeA, nodeB) = await TwoNodesAsync();
        await using var a = nodeA;
        await using var b = nodeB;
        var oldKid = new JsonWebToken((await b.Client.SignUpAndInAsync(Unique.Email())).GetProperty("access_token").GetString()!).Kid;

        var newKid = await a.GetRequiredService<SigningKeyManager>().RotateAsync(default);
        var (published, _) = await WithinAsync(async () =>
        {
            var jwks = await (await b.Client.GetAsync("/.well-known/jwks.json")).JsonAsync();
            return jwks.GetProperty("keys").EnumerateArray().Any(k => k.GetProperty("kid").GetString() == newKid);
        });

        published.Should().BeTrue("node B reloads its keys when node A announces a rotation");
        var kids = (await (await b.Client.GetAsync("/.well-known/jwks.json")).JsonAsync()).GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString());
        kids.Should().Contain(oldKid, "the old key stays published while its tokens live");
        new JsonWebToken((await b.Client.SignUpAndInAsync(Unique.Email())).GetProperty("access_token").GetString()!).Kid.Should().Be(newKid);
    }

    [Fact]
    public async Task The_per_account_throttle_counts_failures_made_on_both_nodes()
    {
        var (nodeA, nodeB) = await TwoNodesAsync();
        await using var a = nodeA;
        await using var b = nodeB;
        var email = Unique.Email();
        (await a.Client.RegisterAsync(email)).EnsureSuccessStatusCode();

        for (var i = 0; i < 5; i++)
        {
            var node = i % 2 == 0 ? a : b;
            (await node.Client.LoginAsync(email, "not the password at all")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        (await a.Client.LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "three failures on A and two on B make five");
        (await b.Client.LoginAsync(email)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    private static async Task<(TestHost A, TestHost B)> TwoNodesAsync(Dictionary<string, string?>? configuration = null)
    {
        var database = await TestDatabase.NewAsync(DatabaseKind.PostgreSql);
        var time = TestHost.NewClock();
        var a = await TestHost.StartAsync(database: database, time: time, configuration: configuration);
        var b = await TestHost.StartAsync(database: database, time: time, configuration: configuration);
        return (a, b);
    }

    /// <summary>Probes on real time (the hosts' clock stands still) until <paramref name="done"/> or <see cref="Push"/>.</summary>
    private static async Task<(bool Done, TimeSpan Elapsed)> WithinAsync(Func<Task<bool>> done)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (await done())
            {
                return (watch.Elapsed <= Push, watch.Elapsed);
            }

            if (watch.Elapsed > Push)
            {
                return (false, watch.Elapsed);
            }

            await Task.Delay(20);
        }
    }
}
