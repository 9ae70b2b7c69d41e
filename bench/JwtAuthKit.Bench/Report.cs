using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace JwtAuthKit.Bench;

/// <summary>The printed table and docs/benchmarks.md (between its bench markers; the rest of the file is kept) with charts.</summary>
public static partial class Report
{
    private const string Begin = "<!-- bench:begin (written by bench/run; edits inside are overwritten) -->";
    private const string End = "<!-- bench:end -->";

    public static string Table(Results r)
    {
        var s = new StringBuilder();
        s.AppendLine("| target | measured | verdict |").AppendLine("|---|---|---|");
        foreach (var (target, measured, verdict) in Targets(r))
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"| {target} | {measured} | {verdict} |");
        }

        return s.ToString();
    }

    public static void Write(Results r, bool complete)
    {
        var docs = Path.Combine(Harness.Root, "docs");
        var images = Path.Combine(docs, "images");
        Directory.CreateDirectory(images);
        var charts = Charts(r);
        foreach (var (file, svg) in charts)
        {
            File.WriteAllText(Path.Combine(images, file), svg);
        }

        var section = Markdown(r, complete, charts.Select(c => c.File).ToHashSet());
        var path = Path.Combine(docs, "benchmarks.md");
        var existing = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n";
        string text;
        var b = existing.IndexOf(Begin, StringComparison.Ordinal);
        var e = existing.IndexOf(End, StringComparison.Ordinal);
        if (b >= 0 && e > b)
        {
            text = existing[..b] + section + existing[(e + End.Length)..];
        }
        else
        {
            var firstLineEnd = existing.IndexOf('\n', StringComparison.Ordinal);
            text = existing[..(firstLineEnd + 1)] + "\n" + section + "\n\n# Earlier measurements\n" + existing[(firstLineEnd + 1)..];
        }

        File.WriteAllText(path, text);
    }

    private static string Markdown(Results r, bool complete, HashSet<string> charts)
    {
        var s = new StringBuilder();
        s.AppendLine(Begin);
        s.AppendLine("## The benchmark harness (issue 12)").AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"`bash bench/run{(Harness.Quick ? " --quick" : "")}` (see `bench/README.md`), run on {r.Started:yyyy-MM-dd} at {r.Started:HH:mm} UTC, "
            + $"**{(Harness.Quick ? "quick mode: short runs and small seeds, to prove the harness works, not figures to quote" : "full mode")}**, "
            + $"{r.Elapsed.TotalMinutes:0.0} min{(complete ? "" : " (only some parts: --only)")}.").AppendLine();
        s.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {r.Machine}; load average {r.LoadAtStart} at the start, {r.LoadAtEnd} at the end (a trailing average: the harness's own build shows up in it); "
            + $"cores busy during the 3 s before the first measurement: {(r.BusyAtStart is { } share ? share.ToString("P0", CultureInfo.InvariantCulture) : "n/a")}.");
        s.AppendLine(CultureInfo.InvariantCulture, $"- Password hashing of every JwtAuthKit figure (sign-in, flood, scale): Argon2id {r.HashSettings}; Identity: PBKDF2-HMAC-SHA512, 100,000 iterations.");
        s.AppendLine(CultureInfo.InvariantCulture, $"- Parameters: {r.Parameters}.");
        s.AppendLine("- Everything on loopback: our host is `samples/HostApp` (Release, Production environment, logging at Warning), PostgreSQL a throwaway cluster made by `initdb` (fsync off, as in the tests), SQLite a file in a temporary folder.");
        // Judged by what the cores did just before measuring, not by the load average, which still counts the build.
        var busy = r.BusyAtStart is { } now ? now > 0.5
            : double.TryParse(r.LoadAtStart.Split(' ')[0], CultureInfo.InvariantCulture, out var load) && load > Environment.ProcessorCount * 1.5;
        if (busy)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"- **The machine was busy** (other processes kept the cores busy before the first measurement): these figures say the harness works, not how fast JwtAuthKit is. Re-run on a quiet machine.");
        }

        foreach (var problem in r.Problems)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"- **{problem}**");
        }

        s.AppendLine().AppendLine("### Against the targets").AppendLine().Append(Table(r)).AppendLine();

        if (r.Micro.Count > 0)
        {
            s.AppendLine("### Micro-benchmarks (BenchmarkDotNet 0.15.8, in-process)").AppendLine();
            s.AppendLine("| operation | database | mean | median | ± (std. error) | allocated |").AppendLine("|---|---|---:|---:|---:|---:|");
            foreach (var m in r.Micro)
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"| {m.Name} | {m.Provider ?? "—"} | {Time(m.MeanNs)} | {Time(m.MedianNs)} | {Time(m.ErrorNs)} | {(m.AllocatedBytes is { } a ? Harness.N(a) + " B" : "—")} |");
            }

            s.AppendLine();
            s.AppendLine("Validation: \"JwtAuthKit\" is the whole check the authentication handler makes (signature, `iss`/`aud`/lifetime, the application, revocation and `token_stale`); "
                + "`JsonWebTokenHandler` checks signature and claims only; the raw `ECDsa.VerifyData` of the signed part is the floor. Argon2id hashes are "
                + $"{r.HashSettings}, deriving 32 bytes from a 16-byte salt. Rotation is `ISessionStore.FindRefreshTokenAsync` + `TryRotateAsync`, no HTTP.").AppendLine();
            if (r.Argon2 is { } turns)
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"Argon2id in turns (our hasher, then libsodium alone, then libsodium, then ours, …; the Argon2 target is judged on these): ours {Harness.Ms(turns.OursMedianMs)} ms, libsodium alone {Harness.Ms(turns.LibsodiumMedianMs)} ms, medians of {turns.Rounds} each.").AppendLine();
            }

            foreach (var chart in new[] { "bench-tokens.svg", "bench-argon2.svg", "bench-rotation.svg" }.Where(charts.Contains))
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"![{chart}](images/{chart})");
            }

            s.AppendLine();
        }

        if (r.Load.Count > 0)
        {
            s.AppendLine("### HTTP load (wrk, loopback)").AppendLine();
            s.AppendLine("| target | requests/s | p50 | p99 | server peak memory | requests | result |").AppendLine("|---|---:|---:|---:|---:|---:|---|");
            foreach (var l in r.Load)
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"| {l.Label} | {(l.Failed ? "~~" + Harness.N(l.RequestsPerSecond) + "~~" : Harness.N(l.RequestsPerSecond))} | {Harness.Ms(l.P50Ms)} ms | {Harness.Ms(l.P99Ms)} ms | {l.PeakMiB:0} MiB | {Harness.N(l.Requests)} | {l.Status} |");
            }

            s.AppendLine();
            s.AppendLine("Ratios:").AppendLine();
            foreach (var (what, a, b) in new[]
            {
                ("[Authorize] / anonymous (same embedding app)", "embedding app: [Authorize] endpoint (JwtAuthKit handler)", "embedding app: anonymous endpoint"),
                ("[Authorize] / stock JwtBearer (same token)", "embedding app: [Authorize] endpoint (JwtAuthKit handler)", "stock JwtBearer app: [Authorize] endpoint, same token"),
                ("/me SQLite / Identity /manage/info", "JwtAuthKit SQLite: GET /api/auth/me", "Identity: GET /manage/info"),
                ("/me PostgreSQL / Identity /manage/info", "JwtAuthKit PostgreSQL: GET /api/auth/me", "Identity: GET /manage/info"),
                ("refresh SQLite / Identity /refresh", "JwtAuthKit SQLite: POST /api/auth/token/refresh (rotation)", "Identity: POST /refresh"),
                ("refresh PostgreSQL / Identity /refresh", "JwtAuthKit PostgreSQL: POST /api/auth/token/refresh (rotation)", "Identity: POST /refresh"),
                ("login SQLite / Identity /login", "JwtAuthKit SQLite: POST /api/auth/login", "Identity: POST /login"),
                ("login PostgreSQL / Identity /login", "JwtAuthKit PostgreSQL: POST /api/auth/login", "Identity: POST /login"),
            })
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"- {what}: {Ratio(r, a, b)}");
            }

            s.AppendLine().AppendLine("Sign-in figures: JwtAuthKit hashes with Argon2id " + r.HashSettings + "; Identity with PBKDF2-HMAC-SHA512 at 100,000 iterations: they are not the same work, so the login ratio compares products, not hash functions. "
                + "Identity's refresh tokens are not single use (its `/refresh` issues a new one and the old one keeps working); ours are rotated and the old one is refused after the grace window.").AppendLine();
            foreach (var chart in new[] { "bench-authorize.svg", "bench-endpoints.svg" }.Where(charts.Contains))
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"![{chart}](images/{chart})");
            }

            s.AppendLine();
        }

        if (r.Scale.Count > 0)
        {
            s.AppendLine("### Scale (users seeded in bulk)").AppendLine();
            s.AppendLine("| database | users | seeding took | cores busy before | sign-in p50 / p95 | hash alone p50 (in turns) | reference sign-in p50 (in turns) | size / reference | admin search p50 / p95 | dashboard list p50 / p95 |").AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var x in r.Scale)
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"| {x.Database} | {Harness.N(x.Users)} | {x.SeedTime.TotalSeconds:0.0} s | {Harness.Busy(x.BusyBefore)} | {Harness.Ms(x.SignInP50)} / {Harness.Ms(x.SignInP95)} ms | {Harness.Ms(x.HashP50)} ms | {(x.ReferenceSignInP50 is { } reference ? $"{Harness.Ms(reference)} ms | {x.SignInP50 / reference:0.00}×" : "— | —")} | {Harness.Ms(x.SearchP50)} / {Harness.Ms(x.SearchP95)} ms | {Harness.Ms(x.ListP50)} / {Harness.Ms(x.ListP95)} ms |");
            }

            s.AppendLine().Append(CultureInfo.InvariantCulture, $"The hash alone: our configured hasher in the harness's process, one hash in each turn of the sign-ins. Each size is measured once the cores are at most {Scale.QuietBusyShare:P0} busy over a second (waiting {Scale.QuietWait.TotalSeconds:0} s at most; the column says how busy they were). Sign-in: {r.Scale[0].Samples} sign-ins of random seeded users one after another, after 10 to warm up (Argon2id {r.HashSettings}){(r.Scale.Any(x => x.ReferenceSignInP50 is not null) ? $", in turns with as many on the reference: a second host of the same build on a database of its own that stays at {Harness.N(r.Scale[0].Users)} users, so a drift of the machine over the minutes between sizes falls on both alike; the target compares a size's p50 with the reference's taken in the same turns" : "")}. Admin search: `GET /api/admin/users?query=seedNNNNN` (a prefix matching about 100 users at every size). ");
            s.AppendLine("Dashboard list: `GET /admin/apps/{id}/users`, first page of 25 with the total, signed in as an operator. Seeding: a template user made through the admin API, its row copied (one transaction of prepared inserts on SQLite, binary COPY then VACUUM (ANALYZE) and a CHECKPOINT on PostgreSQL, so no autovacuum or checkpoint of the load runs while a size is measured); the seeding time is not a target.").AppendLine();
            if (charts.Contains("bench-scale.svg"))
            {
                s.AppendLine("![bench-scale.svg](images/bench-scale.svg)").AppendLine();
            }
        }

        if (r.Floods.Count > 0 || r.Revocation is not null)
        {
            s.AppendLine("### Floods and spread").AppendLine();
            if (r.Floods.Count > 0)
            {
                s.AppendLine("| 200 concurrent sign-ins | answered 200 | other | took | p50 | p99 | server peak memory |").AppendLine("|---|---:|---:|---:|---:|---:|---:|");
                foreach (var f in r.Floods)
                {
                    s.AppendLine(CultureInfo.InvariantCulture, $"| {f.Database} | {f.Answered200} | {f.Other} | {f.TotalSeconds:0.0} s | {Harness.Ms(f.P50)} ms | {Harness.Ms(f.P99)} ms | {f.PeakMiB:0} MiB |");
                }

                s.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Each sign-in is a different seeded user on its own connection, all sent at once; Argon2id {r.HashSettings}; at most `PasswordHashing:MaxConcurrentHashes` (the core count) hash at a time, the rest wait.").AppendLine();
            }

            if (r.Revocation is { } v)
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"Revocation seen by a second node (two hosts on one PostgreSQL database): sign-out on node A, then node B's `/me` polled every 2 ms with the same access token until it answers 401. "
                    + $"Seen in {v.Seen} of {v.Samples} samples (10 s limit each): p50 {Harness.Ms(v.P50)} ms, p99 {Harness.Ms(v.P99)} ms, max {Harness.Ms(v.Max)} ms.").AppendLine();
            }
        }

        if (r.Enumeration is { } enumeration)
        {
            s.AppendLine("### Enumeration timing, known vs unknown address").AppendLine();
            s.AppendLine("The bench of issue 8, `bench/JwtAuthKit.Bench.Enumeration`, run by the harness; its output as printed:").AppendLine();
            s.AppendLine(enumeration.Replace("JwtAuthKit enumeration bench", "Enumeration bench", StringComparison.Ordinal)).AppendLine();
        }

        s.Append(End);
        return s.ToString();
    }

    private static IEnumerable<(string Target, string Measured, string Verdict)> Targets(Results r)
    {
        WrkResult? L(string label) => r.Load.FirstOrDefault(l => l.Label == label);
        MicroResult? M(string prefix, string? provider = null) => r.Micro.FirstOrDefault(m => m.Name.StartsWith(prefix, StringComparison.Ordinal) && (provider is null || m.Provider == provider));

        var auth = L("embedding app: [Authorize] endpoint (JwtAuthKit handler)");
        var anon = L("embedding app: anonymous endpoint");
        var stock = L("stock JwtBearer app: [Authorize] endpoint, same token");
        yield return RatioTarget("[Authorize] ≥ 0.7× the same app's anonymous endpoint", auth, anon, 0.7);
        yield return RatioTarget("[Authorize] ≥ 2.5× stock JwtBearer", auth, stock, 2.5);
        yield return RatioTarget("GET /me ≥ 3× Identity /manage/info (SQLite)", L("JwtAuthKit SQLite: GET /api/auth/me"), L("Identity: GET /manage/info"), 3);
        yield return RatioTarget("refresh with rotation ≥ 1.0× Identity /refresh (SQLite)", L("JwtAuthKit SQLite: POST /api/auth/token/refresh (rotation)"), L("Identity: POST /refresh"), 1.0);

        // Judged on the medians measured in turns when there are some (Argon2Interleaved): BenchmarkDotNet's two rows
        // come minutes apart, and a shared machine's speed drifts in between.
        var ours = M("Argon2id (JwtAuthKit");
        var sodium = M("Argon2id (libsodium");
        double? oursMs = r.Argon2?.OursMedianMs ?? ours?.MeanNs / 1e6;
        double? sodiumMs = r.Argon2?.LibsodiumMedianMs ?? sodium?.MeanNs / 1e6;
        var how = r.Argon2 is { } turns ? $"medians of {turns.Rounds} each, in turns" : "BenchmarkDotNet means";
        yield return oursMs is not { } o || sodiumMs is not { } l
            ? ("Argon2id within 1.2× of libsodium", "not measured", "—")
            : ("Argon2id within 1.2× of libsodium", $"{Harness.Ms(o)} ms vs {Harness.Ms(l)} ms: {o / l:0.00}× ({how}; {r.HashSettings})", Verdict(o / l <= 1.2));

        foreach (var db in new[] { "SQLite", "PostgreSQL" })
        {
            var first = r.Scale.Where(x => x.Database == db).OrderBy(x => x.Users).FirstOrDefault();
            if (first is not null)
            {
                // The hash timed in turns with these sign-ins (Scale), not the micro part's from the start of the run.
                var limit = first.HashP50 + 5;
                yield return ($"sign-in p50 ≤ hash time + 5 ms ({db}, {Harness.N(first.Users)} users)", $"{Harness.Ms(first.SignInP50)} ms vs {Harness.Ms(first.HashP50)} + 5 ms, the hash alone timed in turns with the sign-ins ({r.HashSettings})", Verdict(first.SignInP50 <= limit));
            }
        }

        foreach (var db in new[] { "SQLite", "PostgreSQL" })
        {
            var login = L($"JwtAuthKit {db}: POST /api/auth/login");
            if (login is not null)
            {
                var perCore = login.RequestsPerSecond / Environment.ProcessorCount;
                yield return ($"≥ 15 sign-ins/s per core ({db})", login.Failed ? login.Status : $"{perCore:0.0}/s per core ({login.RequestsPerSecond:0.0}/s on {Environment.ProcessorCount} cores; {r.HashSettings})", login.Failed ? "FAILED RUN" : Verdict(perCore >= 15));
            }
        }

        foreach (var db in new[] { "SQLite", "PostgreSQL" })
        {
            var rows = r.Scale.Where(x => x.Database == db).OrderBy(x => x.Users).ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            var (small, large) = (rows[0], rows[^1]);
            var at = $"at {Harness.N(large.Users)}";
            var partial = large.Users < 1_000_000 ? " — 1M not measured (quick mode)" : "";
            var reference = large.ReferenceSignInP50 ?? small.SignInP50;
            yield return rows.Count < 2
                ? ($"sign-in at 1M within 10% of 10k ({db})", "one size only" + partial, "not measured")
                : ($"sign-in at 1M within 10% of 10k ({db})", $"p50 {Harness.Ms(large.SignInP50)} ms {at} vs {Harness.Ms(reference)} ms at {Harness.N(small.Users)} in turns: {large.SignInP50 / reference:0.00}× (measured minutes apart: {Harness.Ms(small.SignInP50)} ms at {Harness.N(small.Users)}, {large.SignInP50 / small.SignInP50:0.00}×){partial}", Verdict(large.SignInP50 <= reference * 1.1) + (partial.Length > 0 ? " (partial)" : ""));
            yield return ($"admin search p95 ≤ 50 ms at 1M ({db})", $"{Harness.Ms(large.SearchP95)} ms {at}{partial}", Verdict(large.SearchP95 <= 50) + (partial.Length > 0 ? " (partial)" : ""));
            yield return ($"dashboard list p95 ≤ 100 ms at 1M ({db})", $"{Harness.Ms(large.ListP95)} ms {at}{partial}", Verdict(large.ListP95 <= 100) + (partial.Length > 0 ? " (partial)" : ""));
        }

        foreach (var f in r.Floods)
        {
            yield return ($"200-sign-in flood: peak ≤ 512 MiB, all answered ({f.Database})", $"{f.PeakMiB:0} MiB, {f.Answered200}/{f.Requests} answered 200 in {f.TotalSeconds:0.0} s", Verdict(f.PeakMiB <= 512 && f.Answered200 == f.Requests));
        }

        if (r.Revocation is { } v)
        {
            yield return ("revocation on a second node p99 ≤ 1 s (PostgreSQL)", $"p50 {Harness.Ms(v.P50)} ms, p99 {Harness.Ms(v.P99)} ms, seen {v.Seen}/{v.Samples}", Verdict(v.P99 <= 1000 && v.Seen == v.Samples));
        }

        if (r.Enumeration is { } e)
        {
            var ratios = EnumerationRow().Matches(e).Select(m => (Endpoint: m.Groups[1].Value.Trim(), Ratio: double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
            var email = ratios.Where(x => !x.Endpoint.Contains("/login", StringComparison.Ordinal)).ToList();
            var login = ratios.Where(x => x.Endpoint.Contains("/login", StringComparison.Ordinal)).ToList();
            if (email.Count > 0)
            {
                yield return ("enumeration timing ratios ≤ 1.2 (forgot, resend, magic link, email code)", $"max {email.Max(x => x.Ratio):0.00} over {email.Count} cells", Verdict(email.Max(x => x.Ratio) <= 1.2));
            }

            if (login.Count > 0)
            {
                yield return ("enumeration timing ratio ≤ 1.2 (/login, wrong password)", $"max {login.Max(x => x.Ratio):0.00} over {login.Count} cells", Verdict(login.Max(x => x.Ratio) <= 1.2));
            }
        }
    }

    private static (string, string, string) RatioTarget(string target, WrkResult? ours, WrkResult? peer, double goal)
    {
        if (ours is null || peer is null)
        {
            return (target, "not measured", "—");
        }

        if (ours.Failed || peer.Failed)
        {
            return (target, $"{ours.Label}: {ours.Status}; {peer.Label}: {peer.Status}", "FAILED RUN");
        }

        var ratio = ours.RequestsPerSecond / peer.RequestsPerSecond;
        return (target, $"{Harness.N(ours.RequestsPerSecond)} vs {Harness.N(peer.RequestsPerSecond)} req/s: {Times(ratio)}", Verdict(ratio >= goal));
    }

    private static string Ratio(Results r, string a, string b)
    {
        var x = r.Load.FirstOrDefault(l => l.Label == a);
        var y = r.Load.FirstOrDefault(l => l.Label == b);
        return x is null || y is null ? "not measured" : x.Failed || y.Failed ? "a run failed" : Times(x.RequestsPerSecond / y.RequestsPerSecond);
    }

    private static string Times(double ratio) => ratio.ToString(ratio < 0.1 ? "0.000" : "0.00", CultureInfo.InvariantCulture) + "×";

    private static string Verdict(bool met) => met ? "met" : "**missed**";

    private static string Time(double ns) => !double.IsFinite(ns) ? "—"
        : ns >= 1e6 ? (ns / 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " ms"
        : ns >= 1e3 ? (ns / 1e3).ToString("0.00", CultureInfo.InvariantCulture) + " µs"
        : ns.ToString("0", CultureInfo.InvariantCulture) + " ns";

    private static List<(string File, string Svg)> Charts(Results r)
    {
        var charts = new List<(string, string)>();
        var tokens = r.Micro.Where(m => m.Name.StartsWith("issue", StringComparison.Ordinal) || m.Name.StartsWith("validate", StringComparison.Ordinal) || m.Name.StartsWith("verify", StringComparison.Ordinal)).ToList();
        if (tokens.Count > 0)
        {
            charts.Add(("bench-tokens.svg", Svg.BarChart("Access tokens: time per operation (lower is better)", "µs", tokens.Select(m => (m.Name, m.MeanNs / 1e3, m.Name.Contains("JwtAuthKit", StringComparison.Ordinal))).ToList())));
        }

        var argon = r.Micro.Where(m => m.Name.StartsWith("Argon2id", StringComparison.Ordinal)).ToList();
        if (argon.Count > 0)
        {
            charts.Add(("bench-argon2.svg", Svg.BarChart($"Argon2id {r.HashSettings}: time per hash (lower is better)", "ms", argon.Select(m => (m.Name, m.MeanNs / 1e6, m.Name.Contains("JwtAuthKit", StringComparison.Ordinal))).ToList())));
        }

        var rotation = r.Micro.Where(m => m.Name.StartsWith("refresh", StringComparison.Ordinal)).ToList();
        if (rotation.Count > 0)
        {
            charts.Add(("bench-rotation.svg", Svg.BarChart("Refresh rotation against the store (lower is better)", "µs", rotation.Select(m => (m.Provider ?? m.Name, m.MeanNs / 1e3, true)).ToList())));
        }

        var authorize = r.Load.Where(l => l.Label.StartsWith("embedding", StringComparison.Ordinal) || l.Label.StartsWith("stock", StringComparison.Ordinal)).ToList();
        if (authorize.Count > 0)
        {
            charts.Add(("bench-authorize.svg", Svg.BarChart("Protected endpoint: requests/s (higher is better)", "req/s", authorize.Select(l => (l.Label, l.Failed ? double.NaN : l.RequestsPerSecond, l.Label.Contains("JwtAuthKit", StringComparison.Ordinal))).ToList())));
        }

        var endpoints = r.Load.Where(l => l.Label.StartsWith("JwtAuthKit", StringComparison.Ordinal) || l.Label.StartsWith("Identity", StringComparison.Ordinal)).ToList();
        if (endpoints.Count > 0)
        {
            charts.Add(("bench-endpoints.svg", Svg.BarChart("Auth endpoints: requests/s (higher is better)", "req/s", endpoints.Select(l => (l.Label.Replace(" (rotation)", "", StringComparison.Ordinal), l.Failed ? double.NaN : l.RequestsPerSecond, l.Label.StartsWith("JwtAuthKit", StringComparison.Ordinal))).ToList())));
        }

        if (r.Scale.Count > 0)
        {
            var bars = new List<(string, double, bool)>();
            foreach (var x in r.Scale)
            {
                bars.Add(($"{x.Database} {Harness.N(x.Users)}: sign-in p50", x.SignInP50, true));
                bars.Add(($"{x.Database} {Harness.N(x.Users)}: admin search p95", x.SearchP95, true));
                bars.Add(($"{x.Database} {Harness.N(x.Users)}: dashboard list p95", x.ListP95, true));
            }

            charts.Add(("bench-scale.svg", Svg.BarChart("Latency by number of users (lower is better)", "ms", bars)));
        }

        return charts;
    }

    [GeneratedRegex(@"^\| (POST [^|]+)\| [\d.]+ \| [\d.]+ \| ([\d.]+) \|", RegexOptions.Multiline)]
    private static partial Regex EnumerationRow();
}
