using System.Net;
using System.Net.Http.Headers;

namespace JwtAuthKit.Bench;

/// <summary>
/// Users seeded in bulk up to each size, then at each size: sign-in latency (random seeded users, one at a time), the
/// admin API's user search (a prefix matching about 100 users at every size) and the dashboard's user list (first page).
/// </summary>
/// <remarks>
/// The sign-in at a size is compared with a reference: a second host of the same build on a database of its own that
/// stays at the first size, signed in to in turns with the one measured (alternating which goes first). Sizes are
/// minutes apart, and on a shared two-core VM the same quiet host's sign-in p50 drifted from 29 to 44 ms between them
/// in one run, more than the 10 % the target allows; taken in turns, the drift falls on both alike.
/// </remarks>
public static class Scale
{
    /// <summary>The busiest the cores may be (over one second) before a size is measured.</summary>
    public const double QuietBusyShare = 0.15;

    /// <summary>How long to wait for that at most (less in quick mode); a size measured on a busier machine says so in the report.</summary>
    public static TimeSpan QuietWait { get; set; } = TimeSpan.FromSeconds(60);

    private const int WarmUpSignIns = 10;

    /// <summary>Seeds each database up to each of <paramref name="sizes"/> and, when <paramref name="measure"/>, measures it there.</summary>
    /// <param name="results">Where the figures go.</param>
    /// <param name="databases">Each database's host, and the reference host (on a database of its own) where sizes are measured.</param>
    /// <param name="sizes">The numbers of users, ascending.</param>
    /// <param name="signIns">Sign-ins per size (and as many on the reference).</param>
    /// <param name="requests">Admin searches and dashboard list requests per size.</param>
    /// <param name="measure">Whether to measure, or only seed (for the floods).</param>
    public static async Task RunAsync(Results results, IEnumerable<ScaleDatabase> databases, long[] sizes, int signIns, int requests, bool measure)
    {
        foreach (var db in databases)
        {
            using var client = new BenchClient(db.Host.Address);
            await client.CreateUserAsync(Seeder.TemplateEmail);
            var dashboard = new DashboardClient(client);
            string? listPath = null;
            using var reference = measure && db.Reference is not null ? new BenchClient(db.Reference.Address) : null;
            if (measure)
            {
                await dashboard.SignInAsync();
                listPath = $"/admin/apps/{Uri.EscapeDataString(await dashboard.FindApplicationAsync("bench"))}/users";
            }

            if (reference is not null)
            {
                await reference.CreateUserAsync(Seeder.TemplateEmail);
                var seedingReference = await Seeder.SeedAsync(db.Provider, db.ReferenceConnectionString!, 0, sizes[0]);
                Console.WriteLine($"  {db.Name}: seeded the reference database with {sizes[0]:N0} users in {seedingReference.TotalSeconds:0.0} s");
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

                // Measure on a quiet machine: right after the hosts start their tiered JIT keeps a core half busy for tens of
                // seconds (53 % of both cores before the first size, 2-5 % before the last, in one run), and a sample
                // taken then measures that, not the sign-in. Then warm each path: the first sign-ins after a bulk load read
                // cold index pages.
                var busy = await Machine.WaitForQuietAsync(QuietBusyShare, QuietWait);
                for (var i = 0; i < WarmUpSignIns; i++)
                {
                    await client.TimedSignInAsync(Seeder.Email(Random.Shared.NextInt64(size)));
                    if (reference is not null)
                    {
                        await reference.TimedSignInAsync(Seeder.Email(Random.Shared.NextInt64(sizes[0])));
                    }
                }

                await Micro.Argon2Interleaved.TimeOursAsync();
                var signInTimes = new List<double>();
                var referenceTimes = new List<double>();
                var hashTimes = new List<double>();
                for (var i = 0; i < signIns; i++)
                {
                    // The hash alone (our configured hasher, in this process) in the same turns: the "hash time" the
                    // sign-in is held to, taken in the same minute rather than at the start of the run.
                    hashTimes.Add(await Micro.Argon2Interleaved.TimeOursAsync());
                    if (reference is not null && i % 2 == 1)
                    {
                        referenceTimes.Add(await SignInAsync(reference, sizes[0]));
                    }

                    signInTimes.Add(await SignInAsync(client, size));
                    if (reference is not null && i % 2 == 0)
                    {
                        referenceTimes.Add(await SignInAsync(reference, sizes[0]));
                    }
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
                    Stats.Percentile(search, 50), Stats.Percentile(search, 95), Stats.Percentile(list, 50), Stats.Percentile(list, 95), signIns, busy,
                    reference is null ? null : Stats.Percentile(referenceTimes, 50), Stats.Percentile(hashTimes, 50));
                results.Scale.Add(result);
                Console.WriteLine($"  {db.Name} at {size:N0} (cores {Harness.Busy(busy)} busy before): sign-in p50 {Harness.Ms(result.SignInP50)} ms, hash alone {Harness.Ms(result.HashP50)} ms{(result.ReferenceSignInP50 is { } r ? $" ({Harness.Ms(r)} ms at {sizes[0]:N0} in turns: {result.SignInP50 / r:0.00}×)" : "")}; admin search p95 {Harness.Ms(result.SearchP95)} ms; dashboard list p95 {Harness.Ms(result.ListP95)} ms");
            }
        }
    }

    private static async Task<double> SignInAsync(BenchClient client, long users)
    {
        var (ms, status) = await client.TimedSignInAsync(Seeder.Email(Random.Shared.NextInt64(users)));
        return status == HttpStatusCode.OK ? ms : throw new InvalidOperationException($"A seeded user's sign-in answered {(int)status}.");
    }
}

/// <summary>
/// A database of the scale runs: its host, and the reference host on a database of its own that stays at the first size
/// (none when there is one size only, or the sizes are only seeded, not measured).
/// </summary>
public sealed record ScaleDatabase(string Name, string Provider, ServerProcess Host, string ConnectionString, ServerProcess? Reference, string? ReferenceConnectionString);

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
