using System.Net;
using System.Net.Http.Headers;

namespace JwtAuthKit.Bench;

/// <summary>
/// Users seeded in bulk up to each size, then at each size: sign-in latency (random seeded users, one at a time), the
/// admin API's user search (a prefix matching about 100 users at every size) and the dashboard's user list (first page).
/// </summary>
public static class Scale
{
    public static async Task RunAsync(Results results, IEnumerable<(string Name, string Provider, ServerProcess Host, string ConnectionString)> databases,
        long[] sizes, int signIns, int requests, bool measure)
    {
        foreach (var db in databases)
        {
            using var client = new BenchClient(db.Host.Address);
            await client.CreateUserAsync(Seeder.TemplateEmail);
            var dashboard = new DashboardClient(client);
            string? listPath = null;
            if (measure)
            {
                await dashboard.SignInAsync();
                listPath = $"/admin/apps/{Uri.EscapeDataString(await dashboard.FindApplicationAsync("bench"))}/users";
            }

            long seeded = 0;
            foreach (var size in sizes)
            {
                var took = await Seeder.SeedAsync(db.Provider, db.ConnectionString, seeded, size);
                Console.WriteLine($"  {db.Name}: seeded {seeded:N0} → {size:N0} users in {took.TotalSeconds:0.0} s");
                seeded = size;
                if (!measure)
                {
                    continue;
                }

                // Warm each path, then measure: five sign-ins, since the first size's numbers came right after the host
                // started (one warm-up left its p50 10 ms above the later sizes').
                for (var i = 0; i < 5; i++)
                {
                    await client.TimedSignInAsync(Seeder.Email(i));
                }

                var signInTimes = new List<double>();
                for (var i = 0; i < signIns; i++)
                {
                    var (ms, status) = await client.TimedSignInAsync(Seeder.Email(Random.Shared.NextInt64(size)));
                    if (status != HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"A seeded user's sign-in answered {(int)status}.");
                    }

                    signInTimes.Add(ms);
                }

                var search = new List<double>();
                for (var i = 0; i <= requests; i++)
                {
                    var prefix = Seeder.Email(Random.Shared.NextInt64(size))[..9]; // "seed" and 5 of 7 digits: about 100 matches
                    var ms = await client.TimedGetAsync($"/api/admin/users?query={prefix}",
                        r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Harness.SecretKey));
                    if (i > 0)
                    {
                        search.Add(ms);
                    }
                }

                var list = new List<double>();
                for (var i = 0; i <= requests; i++)
                {
                    var ms = await dashboard.TimedGetAsync(listPath!);
                    if (i > 0)
                    {
                        list.Add(ms);
                    }
                }

                var result = new ScaleResult(db.Name, size, took, Stats.Percentile(signInTimes, 50), Stats.Percentile(signInTimes, 95),
                    Stats.Percentile(search, 50), Stats.Percentile(search, 95), Stats.Percentile(list, 50), Stats.Percentile(list, 95), signIns);
                results.Scale.Add(result);
                Console.WriteLine($"  {db.Name} at {size:N0}: sign-in p50 {Harness.Ms(result.SignInP50)} ms; admin search p95 {Harness.Ms(result.SearchP95)} ms; dashboard list p95 {Harness.Ms(result.ListP95)} ms");
            }
        }
    }
}

/// <summary>Percentiles by the nearest-rank method.</summary>
public static class Stats
{
    public static double Percentile(IReadOnlyCollection<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
