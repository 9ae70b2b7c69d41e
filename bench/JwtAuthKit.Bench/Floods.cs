using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace JwtAuthKit.Bench;

/// <summary>The 200-sign-in flood, and a revocation on one node seen by another.</summary>
public static class Floods
{
    /// <summary>
    /// <paramref name="count"/> sign-ins of different seeded users sent at once, each on its own connection: every one must
    /// be answered 200; the server's peak memory over the flood.
    /// </summary>
    public static async Task<FloodResult> SignInFloodAsync(string database, ServerProcess host, int count)
    {
        using var client = new BenchClient(host.Address, connections: count);
        host.ResetPeak();
        var watch = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            try
            {
                return await client.TimedSignInAsync(Seeder.Email(i));
            }
            catch (HttpRequestException)
            {
                return (Ms: double.NaN, Status: (HttpStatusCode)0);
            }
        }));
        var total = watch.Elapsed.TotalSeconds;
        var peak = host.PeakMiB();
        var ok = answers.Count(a => a.Status == HttpStatusCode.OK);
        var times = answers.Where(a => double.IsFinite(a.Ms)).Select(a => a.Ms).ToList();
        var result = new FloodResult(database, count, ok, count - ok, total, Stats.Percentile(times, 50), Stats.Percentile(times, 99), times.Count > 0 ? times.Max() : double.NaN, peak);
        Console.WriteLine($"  {database}: {ok}/{count} answered 200 in {total:0.0} s, p50 {Harness.Ms(result.P50)} ms, p99 {Harness.Ms(result.P99)} ms, peak {peak:0} MiB");
        return result;
    }

    /// <summary>
    /// Sign in on node A, check the token works on node B, sign out on A, then poll B's /me every 2 ms until it refuses the
    /// token: the time from A's answer to B's first refusal. Both nodes share one PostgreSQL database.
    /// </summary>
    public static async Task<RevocationResult> RevocationAsync(ServerProcess a, ServerProcess b, int samples)
    {
        using var clientA = new BenchClient(a.Address);
        using var clientB = new BenchClient(b.Address);
        const string email = "revoke@bench.example";
        await clientA.CreateUserAsync(email);
        var times = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var (access, _) = await clientA.SignInAsync(email);
            using (var check = clientB.Ours(HttpMethod.Get, "/api/auth/me"))
            {
                check.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
                using var answer = await clientB.Http.SendAsync(check);
                await BenchClient.EnsureAsync(answer, "node B: GET /api/auth/me with node A's fresh token");
            }

            using (var logout = clientA.Ours(HttpMethod.Post, "/api/auth/logout"))
            {
                logout.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
                logout.Content = System.Net.Http.Json.JsonContent.Create(new { });
                using var answer = await clientA.Http.SendAsync(logout);
                await BenchClient.EnsureAsync(answer, "POST /api/auth/logout");
            }

            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(10))
            {
                if (await MeAsync(clientB, access) == HttpStatusCode.Unauthorized)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    break;
                }

                await Task.Delay(2);
            }
        }

        var result = new RevocationResult(samples, times.Count, Stats.Percentile(times, 50), Stats.Percentile(times, 99), times.Count > 0 ? times.Max() : double.NaN);
        Console.WriteLine($"  seen by node B in {times.Count}/{samples}: p50 {Harness.Ms(result.P50)} ms, p99 {Harness.Ms(result.P99)} ms");
        return result;
    }

    private static async Task<HttpStatusCode> MeAsync(BenchClient client, string access)
    {
        using var request = client.Ours(HttpMethod.Get, "/api/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access);
        using var response = await client.Http.SendAsync(request);
        return response.StatusCode;
    }
}
