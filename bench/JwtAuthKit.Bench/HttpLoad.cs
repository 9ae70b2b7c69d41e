using System.Text;
using System.Text.Json;

namespace JwtAuthKit.Bench;

/// <summary>
/// The wrk runs: the embedding app's [Authorize] and anonymous endpoints and the stock JwtBearer handler on the same
/// token; /me, /token/refresh and /login on our host (SQLite and PostgreSQL) against Identity's /manage/info, /refresh and
/// /login. Each target is warmed up until steady first (see <see cref="MaxWarmSlices"/>); the targets a ratio compares are
/// then measured in turns (see <see cref="Rounds"/>); refresh runs get fresh sessions for each warm-up slice and each slice.
/// </summary>
public static class HttpLoad
{
    private const int GetConnections = 32;
    private const int RefreshConnections = 16;
    private const int SignInConnections = 4;

    /// <summary>The most warm-up slices a load target gets before it is measured (one in quick mode).</summary>
    public static int MaxWarmSlices => Harness.Quick ? 1 : 6;

    /// <summary>How many slices a measurement is cut into, taken in turns with the other targets of its group.</summary>
    public static int Rounds => Harness.Quick ? 1 : 3;

    /// <summary>One wrk target: what to load, and (for refresh) fresh tokens for each run.</summary>
    private sealed record Target(string Label, ServerProcess Server, string Path, string Script, int Connections,
        IEnumerable<string>? Headers = null, Func<Task<IReadOnlyDictionary<string, string>>>? Environment = null);

    public static async Task RunAsync(Results results, ServerProcess embed, ServerProcess identity, ServerProcess hostSqlite, ServerProcess hostPg,
        TimeSpan warm, TimeSpan measure, Func<Task<ServerProcess>, Task<ServerProcess>> start)
    {
        async Task<WrkResult> RunOnceAsync(Target t, TimeSpan duration, string suffix = "") =>
            await Wrk.RunAsync(t.Label + suffix, t.Server, t.Path, t.Script, t.Connections, duration, t.Headers, t.Environment is null ? null : await t.Environment());

        // Warm up until steady: slices of `warm` until one is within 5 % of the one before (at most MaxWarmSlices).
        // Under load on two cores the tiered JIT takes 20-40 s to finish a path, longer for a server's first load.
        async Task WarmAsync(Target t)
        {
            WrkResult? previous = null;
            var slices = new List<string>();
            for (var slice = 0; slice < MaxWarmSlices; slice++)
            {
                var warming = await RunOnceAsync(t, warm, " (warm-up)");
                slices.Add(Harness.N(warming.RequestsPerSecond));
                if (previous is not null && Math.Abs(warming.RequestsPerSecond - previous.RequestsPerSecond) <= 0.05 * previous.RequestsPerSecond)
                {
                    break;
                }

                previous = warming;
            }

            Console.WriteLine($"  {t.Label}: warm-up slices {string.Join(", ", slices)} req/s");
        }

        // The targets a ratio compares are measured in turns (A B, B A, A B: Rounds slices of measure / Rounds each), so a
        // machine whose speed drifts slows them alike; measured one after the other, a pair once came out 0.53x while
        // their warm-up slices just before had been 0.51x and a run minutes earlier 0.61x.
        async Task MeasureInTurnsAsync(params Target[] targets)
        {
            foreach (var t in targets)
            {
                await WarmAsync(t);
            }

            var slices = targets.Select(_ => new List<WrkResult>()).ToArray();
            var slice = TimeSpan.FromSeconds(Math.Max(1, Math.Round(measure.TotalSeconds / Rounds)));
            for (var round = 0; round < Rounds; round++)
            {
                for (var k = 0; k < targets.Length; k++)
                {
                    var i = round % 2 == 0 ? k : targets.Length - 1 - k;
                    slices[i].Add(await RunOnceAsync(targets[i], slice));
                }
            }

            for (var i = 0; i < targets.Length; i++)
            {
                var result = Combine(targets[i].Label, slices[i]);
                results.Load.Add(result);
                Console.WriteLine($"  {result.Label}: {result.RequestsPerSecond:N0} req/s, p50 {Harness.Ms(result.P50Ms)} ms, p99 {Harness.Ms(result.P99Ms)} ms, peak {result.PeakMiB:0} MiB — {result.Status}");
            }
        }

        // [Authorize] vs anonymous vs stock JwtBearer, all on one token the embedding app issued.
        using var embedClient = new BenchClient(embed.Address);
        await embedClient.CreateUserAsync("load@bench.example");
        var (embedAccess, _) = await embedClient.SignInAsync("load@bench.example");
        var jwtBearer = await start(Servers.JwtBearerAsync(embed.Address, Audience(embedAccess)));
        var bearer = new[] { $"Authorization: Bearer {embedAccess}" };
        await MeasureInTurnsAsync(
            new Target("embedding app: [Authorize] endpoint (JwtAuthKit handler)", embed, "/authorized", "get.lua", GetConnections, bearer),
            new Target("embedding app: anonymous endpoint", embed, "/anonymous", "get.lua", GetConnections),
            new Target("stock JwtBearer app: [Authorize] endpoint, same token", jwtBearer, "/authorized", "get.lua", GetConnections, bearer));

        using var identityClient = new BenchClient(identity.Address);
        await identityClient.IdentityRegisterAsync("load@bench.example");
        var (identityAccess, _) = await identityClient.IdentitySignInAsync("load@bench.example");

        // Our host on each database; SQLite in turns with Identity (the targets compare those two), PostgreSQL alone.
        foreach (var (name, host) in new[] { ("SQLite", hostSqlite), ("PostgreSQL", hostPg) })
        {
            using var client = new BenchClient(host.Address);
            await client.CreateUserAsync("load@bench.example");
            var (access, _) = await client.SignInAsync("load@bench.example");
            var me = new Target($"JwtAuthKit {name}: GET /api/auth/me", host, "/api/auth/me", "get.lua", GetConnections,
                [$"Authorization: Bearer {access}", $"X-Api-Key: {Harness.PublishableKey}"]);
            var refresh = new Target($"JwtAuthKit {name}: POST /api/auth/token/refresh (rotation)", host, "/api/auth/token/refresh", "refresh.lua", RefreshConnections,
                [$"X-Api-Key: {Harness.PublishableKey}"], () => MintAsync(() => client.SignInAsync("load@bench.example"), "refresh_token"));
            var login = new Target($"JwtAuthKit {name}: POST /api/auth/login", host, "/api/auth/login", "post.lua", SignInConnections,
                [$"X-Api-Key: {Harness.PublishableKey}"], () => Body("login", new { email = "load@bench.example", password = Harness.Password }));
            if (name == "SQLite")
            {
                await MeasureInTurnsAsync(me, new Target("Identity: GET /manage/info", identity, "/manage/info", "get.lua", GetConnections, [$"Authorization: Bearer {identityAccess}"]));
                await MeasureInTurnsAsync(refresh, new Target("Identity: POST /refresh", identity, "/refresh", "refresh.lua", RefreshConnections, null,
                    () => MintAsync(() => identityClient.IdentitySignInAsync("load@bench.example"), "refreshToken")));
                await MeasureInTurnsAsync(login, new Target("Identity: POST /login", identity, "/login", "post.lua", SignInConnections, null,
                    () => Body("identity-login", new { email = "load@bench.example", password = Harness.Password })));
            }
            else
            {
                await MeasureInTurnsAsync(me);
                await MeasureInTurnsAsync(refresh);
                await MeasureInTurnsAsync(login);
            }
        }
    }

    /// <summary>
    /// One result from a target's slices: requests and seconds summed; p50 the median of the slices' p50s and p99 the
    /// highest slice p99 (wrk reports percentiles, not the samples, so exact ones cannot be merged); peak memory the highest.
    /// </summary>
    private static WrkResult Combine(string label, List<WrkResult> slices)
    {
        var p50s = slices.Select(r => r.P50Ms).Order().ToList();
        return new WrkResult(label, slices.Sum(r => r.Requests), slices.Sum(r => r.Seconds), slices.Sum(r => r.Failures),
            p50s[p50s.Count / 2], slices.Max(r => r.P99Ms), slices.Max(r => r.PeakMiB), slices.Select(r => r.Error).FirstOrDefault(e => e is not null));
    }

    /// <summary>Signs in enough times that every wrk connection starts with a refresh token never used (and some spare).</summary>
    private static async Task<IReadOnlyDictionary<string, string>> MintAsync(Func<Task<(string Access, string Refresh)>> signIn, string field)
    {
        var count = Wrk.Threads * ((RefreshConnections / Wrk.Threads) + 4);
        var tokens = new List<string>();
        for (var i = 0; i < count; i += 2)
        {
            var pair = await Task.WhenAll(signIn(), signIn());
            tokens.AddRange(pair.Select(p => p.Refresh));
        }

        var file = Path.Combine(Harness.Work, $"tokens-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(file, tokens);
        return new Dictionary<string, string> { ["BENCH_TOKENS"] = file, ["BENCH_FIELD"] = field };
    }

    private static async Task<IReadOnlyDictionary<string, string>> Body(string name, object body)
    {
        var file = Path.Combine(Harness.Work, $"{name}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(body));
        return new Dictionary<string, string> { ["BENCH_BODY"] = file };
    }

    private static string Audience(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var claims = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        var aud = claims.RootElement.GetProperty("aud");
        return aud.ValueKind == JsonValueKind.Array ? aud[0].GetString()! : aud.GetString()!;
    }
}
