using System.Text;
using System.Text.Json;

namespace JwtAuthKit.Bench;

/// <summary>
/// The wrk runs: the embedding app's [Authorize] and anonymous endpoints and the stock JwtBearer handler on the same
/// token; /me, /token/refresh and /login on our host (SQLite and PostgreSQL) against Identity's /manage/info, /refresh and
/// /login. Each target is warmed up until steady first (see <see cref="MaxWarmSlices"/>); refresh runs get fresh sessions
/// for each warm-up slice and the run.
/// </summary>
public static class HttpLoad
{
    private const int GetConnections = 32;
    private const int RefreshConnections = 16;
    private const int SignInConnections = 4;

    /// <summary>The most warm-up slices a load target gets before it is measured (one in quick mode).</summary>
    public static int MaxWarmSlices => Harness.Quick ? 1 : 6;

    public static async Task RunAsync(Results results, ServerProcess embed, ServerProcess identity, ServerProcess hostSqlite, ServerProcess hostPg,
        TimeSpan warm, TimeSpan measure, Func<Task<ServerProcess>, Task<ServerProcess>> start)
    {
        async Task<WrkResult> Load(string label, ServerProcess server, string path, string script, int connections, IEnumerable<string>? headers = null,
            Func<Task<IReadOnlyDictionary<string, string>>>? environment = null)
        {
            // Warm up until steady: slices of `warm` until one is within 5 % of the one before (at most MaxWarmSlices).
            // Under load on two cores the tiered JIT takes 20-40 s to finish a path, longer for a server's first load.
            WrkResult? previous = null;
            var slices = new List<string>();
            for (var slice = 0; slice < MaxWarmSlices; slice++)
            {
                var warming = await Wrk.RunAsync(label + " (warm-up)", server, path, script, connections, warm, headers, environment is null ? null : await environment());
                slices.Add(Harness.N(warming.RequestsPerSecond));
                if (previous is not null && Math.Abs(warming.RequestsPerSecond - previous.RequestsPerSecond) <= 0.05 * previous.RequestsPerSecond)
                {
                    break;
                }

                previous = warming;
            }

            Console.WriteLine($"  {label}: warm-up slices {string.Join(", ", slices)} req/s");
            var result = await Wrk.RunAsync(label, server, path, script, connections, measure, headers, environment is null ? null : await environment());
            results.Load.Add(result);
            Console.WriteLine($"  {label}: {result.RequestsPerSecond:N0} req/s, p50 {Harness.Ms(result.P50Ms)} ms, p99 {Harness.Ms(result.P99Ms)} ms, peak {result.PeakMiB:0} MiB — {result.Status}");
            return result;
        }

        // [Authorize] vs anonymous vs stock JwtBearer, all on one token the embedding app issued.
        using (var client = new BenchClient(embed.Address))
        {
            await client.CreateUserAsync("load@bench.example");
            var (access, _) = await client.SignInAsync("load@bench.example");
            var audience = Audience(access);
            var jwtBearer = await start(Servers.JwtBearerAsync(embed.Address, audience));
            var bearer = new[] { $"Authorization: Bearer {access}" };
            await Load("embedding app: [Authorize] endpoint (JwtAuthKit handler)", embed, "/authorized", "get.lua", GetConnections, bearer);
            await Load("embedding app: anonymous endpoint", embed, "/anonymous", "get.lua", GetConnections);
            await Load("stock JwtBearer app: [Authorize] endpoint, same token", jwtBearer, "/authorized", "get.lua", GetConnections, bearer);
        }

        // Our host on each database.
        foreach (var (name, host) in new[] { ("SQLite", hostSqlite), ("PostgreSQL", hostPg) })
        {
            using var client = new BenchClient(host.Address);
            await client.CreateUserAsync("load@bench.example");
            var (access, _) = await client.SignInAsync("load@bench.example");
            var headers = new[] { $"Authorization: Bearer {access}", $"X-Api-Key: {Harness.PublishableKey}" };
            await Load($"JwtAuthKit {name}: GET /api/auth/me", host, "/api/auth/me", "get.lua", GetConnections, headers);
            await Load($"JwtAuthKit {name}: POST /api/auth/token/refresh (rotation)", host, "/api/auth/token/refresh", "refresh.lua", RefreshConnections,
                [$"X-Api-Key: {Harness.PublishableKey}"],
                () => MintAsync(() => client.SignInAsync("load@bench.example"), "refresh_token"));
            await Load($"JwtAuthKit {name}: POST /api/auth/login", host, "/api/auth/login", "post.lua", SignInConnections,
                [$"X-Api-Key: {Harness.PublishableKey}"], () => Body("login", new { email = "load@bench.example", password = Harness.Password }));
        }

        // The Identity peer.
        using (var client = new BenchClient(identity.Address))
        {
            await client.IdentityRegisterAsync("load@bench.example");
            var (access, _) = await client.IdentitySignInAsync("load@bench.example");
            await Load("Identity: GET /manage/info", identity, "/manage/info", "get.lua", GetConnections, [$"Authorization: Bearer {access}"]);
            await Load("Identity: POST /refresh", identity, "/refresh", "refresh.lua", RefreshConnections, null,
                () => MintAsync(() => client.IdentitySignInAsync("load@bench.example"), "refreshToken"));
            await Load("Identity: POST /login", identity, "/login", "post.lua", SignInConnections, null,
                () => Body("identity-login", new { email = "load@bench.example", password = Harness.Password }));
        }
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
