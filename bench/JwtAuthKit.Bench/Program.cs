// The benchmark harness of issue 12: micro-benchmarks (BenchmarkDotNet, in this process), HTTP load with wrk against our
// host, the embedding app and the peers, scale, floods and spread, and the enumeration bench; prints a table and writes
// docs/benchmarks.md with SVG charts. Loopback only, bounded in time. Run it through bench/run (see bench/README.md).
using System.Diagnostics;
using System.Globalization;
using JwtAuthKit.Bench;
using JwtAuthKit.Bench.Micro;
using JwtAuthKit.Testing;

var only = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
var write = true;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--quick":
            Harness.Quick = true;
            break;
        case "--set" when i + 1 < args.Length:
            var pair = args[++i].Split('=', 2);
            Harness.Overrides[pair[0]] = pair.Length > 1 ? pair[1] : "";
            break;
        case "--only" when i + 1 < args.Length:
            only.UnionWith(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            break;
        case "--no-write":
            write = false;
            break;
        default:
            Console.Error.WriteLine($"Unknown argument {args[i]}. Usage: bench/run [--quick] [--set JwtAuthKit:Key=Value]... [--only micro,http,scale,flood,revocation,enumeration] [--no-write]");
            return 2;
    }
}

const string ClusterIssuer = "http://auth.bench.example";

bool Part(string name) => only.Count == 0 || only.Contains(name);

var quick = Harness.Quick;
var results = new Results();
var clock = Stopwatch.StartNew();
// Full mode warms each load target in 10 s slices until one is within 5 % of the one before (HttpLoad.MaxWarmSlices):
// under load on two cores the runtime's tiered JIT needs 20-40 s to finish optimizing a server's request path (our
// host's refresh: 840, 1,130, 1,100, 1,150, 1,290 req/s in five 10 s runs back to back; the embedding app's [Authorize]
// endpoint: 16.7k req/s over its first 20 s, 37k after), so a fixed short warm-up measures the JIT, not the server.
var warm = TimeSpan.FromSeconds(quick ? 1 : 10);
var measure = TimeSpan.FromSeconds(quick ? 3 : 15);
long[] sizes = quick ? [10_000] : [10_000, 100_000, 1_000_000];
var samples = quick ? 10 : 100;
Scale.QuietWait = TimeSpan.FromSeconds(quick ? 10 : 60);
var latencySamples = quick ? 30 : 200;
var revocationSamples = quick ? 10 : 100;
var enumerationSamples = quick ? 5 : 100;
results.Parameters = string.Join("; ", new[]
{
    $"mode {(quick ? "quick" : "full")}",
    $"wrk {Wrk.Threads} threads, {measure.TotalSeconds:0} s per target in {HttpLoad.Rounds} slices taken in turns with the targets it is compared with, after warm-up slices of {warm.TotalSeconds:0} s until one is within 5 % of the one before (at most {HttpLoad.MaxWarmSlices}), 32 connections for GETs, 16 for refresh, 4 for sign-in",
    $"scale sizes {string.Join(", ", sizes.Select(s => s.ToString("N0", CultureInfo.InvariantCulture)))} users; {samples} sign-ins and {latencySamples} search / list requests per size",
    $"revocation {revocationSamples} samples; enumeration {enumerationSamples} requests per cell",
    "Identity peer: ASP.NET Core Identity 10.0 defaults (PBKDF2-HMAC-SHA512, 100,000 iterations), bearer tokens from Data Protection",
    Harness.Overrides.Count == 0 ? "no configuration overrides" : "overrides: " + string.Join(", ", Harness.Overrides.Select(o => $"{o.Key}={o.Value}")),
});

Console.WriteLine($"JwtAuthKit benchmark harness — {results.Started:yyyy-MM-dd HH:mm} UTC, {(quick ? "quick" : "full")} mode");
Console.WriteLine(results.Machine);
Console.WriteLine($"load average at start: {results.LoadAtStart}; cores busy over the 3 s before the first measurement: {(results.BusyAtStart is { } busy ? busy.ToString("P0", System.Globalization.CultureInfo.InvariantCulture) : "n/a")}");
Console.WriteLine();

try
{
    if (Part("micro"))
    {
        Console.WriteLine("== micro-benchmarks (BenchmarkDotNet, in-process) ==");
        JwtAuthKit.Bench.Micro.MicroHost.Overrides = Harness.Overrides;
        results.Micro.AddRange(MicroRunner.Run(quick));
        results.Argon2 = await Argon2Interleaved.RunAsync(quick ? 6 : 40);
        Console.WriteLine($"  Argon2id in turns: ours {results.Argon2.OursMedianMs:0.00} ms, libsodium alone {results.Argon2.LibsodiumMedianMs:0.00} ms (medians of {results.Argon2.Rounds})");
        await MicroHost.StopAllAsync();
        results.HashSettings = JwtAuthKit.Bench.Micro.Argon2Benchmarks.Settings is { Length: > 0 } s ? s : results.HashSettings;
    }

    var needServers = Part("http") || Part("scale") || Part("flood") || Part("revocation");
    if (needServers)
    {
        Console.WriteLine("== starting PostgreSQL and the servers ==");
        var pgDatabase = await PostgreSqlServer.CreateDatabaseAsync();
        var sqliteFile = Path.Combine(Harness.Work, "host.db");
        var sqlite = $"Data Source={sqliteFile}";
        // Started side by side (each waits for its /healthz); node B after node A has migrated the shared database.
        var startingSqlite = Start(Servers.HostAsync("host (SQLite)", "Sqlite", sqlite));
        var startingPgA = Start(Servers.HostAsync("host A (PostgreSQL)", "PostgreSql", pgDatabase, ClusterIssuer));
        var startingEmbed = Start(Servers.EmbeddingAsync(Path.Combine(Harness.Work, "embed.db")));
        var startingIdentity = Start(Servers.IdentityAsync(Path.Combine(Harness.Work, "identity.db")));
        // The scale's reference hosts (see Scale): the same build on databases of their own that stay at the first size.
        var references = Part("scale") && sizes.Length > 1;
        var pgReferenceDatabase = references ? await PostgreSqlServer.CreateDatabaseAsync() : null;
        var sqliteReference = $"Data Source={Path.Combine(Harness.Work, "host-reference.db")}";
        var startingSqliteReference = references ? Start(Servers.HostAsync("host (SQLite, scale reference)", "Sqlite", sqliteReference)) : null;
        var startingPgReference = references ? Start(Servers.HostAsync("host (PostgreSQL, scale reference)", "PostgreSql", pgReferenceDatabase!)) : null;
        var hostPgA = await startingPgA;
        var hostPgB = await Start(Servers.HostAsync("host B (PostgreSQL)", "PostgreSql", pgDatabase, ClusterIssuer));
        var (hostSqlite, embed, identity) = (await startingSqlite, await startingEmbed, await startingIdentity);

        if (Part("http"))
        {
            Console.WriteLine("== HTTP load (wrk) ==");
            await HttpLoad.RunAsync(results, embed, identity, hostSqlite, hostPgA, warm, measure, Start);
        }

        var dbs = new[]
        {
            new ScaleDatabase("SQLite", "Sqlite", hostSqlite, sqlite, startingSqliteReference is null ? null : await startingSqliteReference, sqliteReference),
            new ScaleDatabase("PostgreSQL", "PostgreSql", hostPgA, pgDatabase, startingPgReference is null ? null : await startingPgReference, pgReferenceDatabase),
        };
        if (Part("scale") || Part("flood"))
        {
            Console.WriteLine("== scale ==");
            await Scale.RunAsync(results, dbs, Part("scale") ? sizes : [1_000], samples, latencySamples, Part("scale"));
        }

        if (Part("flood"))
        {
            Console.WriteLine("== 200 concurrent sign-ins ==");
            foreach (var db in dbs)
            {
                results.Floods.Add(await Floods.SignInFloodAsync(db.Name, db.Host, 200));
            }
        }

        if (Part("revocation"))
        {
            Console.WriteLine("== revocation seen by a second node (PostgreSQL) ==");
            results.Revocation = await Floods.RevocationAsync(hostPgA, hostPgB, revocationSamples);
        }
    }

    if (Part("enumeration"))
    {
        Console.WriteLine("== enumeration timing (bench/JwtAuthKit.Bench.Enumeration) ==");
        results.Enumeration = await Enumeration.RunAsync(enumerationSamples);
    }
}
catch (Exception ex)
{
    results.Problems.Add($"The run stopped early: {ex.GetType().Name}: {ex.Message}");
    Console.Error.WriteLine(ex);
}
finally
{
    ServerProcess.StopAll();
    await MicroHost.StopAllAsync(); // started again if the scale part timed the hash alone

    // The PostgreSQL server (if one was started) stops with this process: PostgreSqlServer's exit handler and watchdog.
}

results.Elapsed = clock.Elapsed;
results.LoadAtEnd = Machine.LoadAverage();
Console.WriteLine();
Console.WriteLine(Report.Table(results));
if (write)
{
    Report.Write(results, only.Count == 0);
    Console.WriteLine($"Wrote docs/benchmarks.md and docs/images/bench-*.svg ({results.Elapsed.TotalMinutes:0.0} min).");
}

try
{
    Directory.Delete(Harness.Work, recursive: true);
}
catch (IOException)
{
}

return results.Problems.Count == 0 && results.Load.All(r => !r.Failed) ? 0 : 1;

async Task<ServerProcess> Start(Task<ServerProcess> starting)
{
    var server = await starting;
    Console.WriteLine($"  {server.Name} at {server.Address} (pid {server.Pid})");
    return server;
}
