// Known-versus-unknown latency of the endpoints that must not reveal which accounts exist, and the password guesses an
// attacker gets per hour against one account. Loopback only, bounded in requests and time. See bench/README.md.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using JwtAuthKit;
using JwtAuthKit.AspNetCore;
using JwtAuthKit.EntityFramework;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

var samples = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
var budget = Stopwatch.StartNew();
var limit = TimeSpan.FromMinutes(10);
var settle = TimeSpan.FromMilliseconds(100);

Console.WriteLine($"JwtAuthKit enumeration bench — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
Console.WriteLine($"{samples} requests per cell (known and unknown in random order, 100 ms apart), production Argon2id parameters (m=19 MiB, t=2, p=1).");
Console.WriteLine();

foreach (var signup in new[] { false, true })
{
    await using var bench = await BenchHost.StartAsync(signup, new FakeTimeProvider(DateTimeOffset.UtcNow));
    var known = new Queue<string>();
    for (var i = 0; i < samples * 5 + 5; i++)
    {
        var email = $"known{i}-{Guid.NewGuid():N}@bench.example";
        (await bench.Admin.PostAsJsonAsync("/api/admin/users", new { email, password = BenchHost.Password })).EnsureSuccessStatusCode();
        known.Enqueue(email);
    }

    Console.WriteLine($"sign-up {(signup ? "on" : "off")}:");
    Console.WriteLine("| endpoint | known median (ms) | unknown median (ms) | ratio (slower / faster) |");
    Console.WriteLine("|---|---:|---:|---:|");
    foreach (var (name, send) in new (string, Func<HttpClient, string, Task<HttpResponseMessage>>)[]
    {
        ("POST /password/forgot", (c, e) => c.PostAsJsonAsync("/api/auth/password/forgot", new { email = e })),
        ("POST /email/resend", (c, e) => c.PostAsJsonAsync("/api/auth/email/resend", new { email = e })),
        ("POST /magic-link", (c, e) => c.PostAsJsonAsync("/api/auth/magic-link", new { email = e })),
        ("POST /otp", (c, e) => c.PostAsJsonAsync("/api/auth/otp", new { email = e })),
        ("POST /login (wrong password)", (c, e) => c.PostAsJsonAsync("/api/auth/login", new { email = e, password = "not the password" })),
    })
    {
        // Warm up both paths, then alternate so drift hits both alike; every request names a fresh address.
        await send(bench.Client, known.Dequeue());
        await send(bench.Client, $"warm-{Guid.NewGuid():N}@bench.example");
        var knownTimes = new List<double>();
        var unknownTimes = new List<double>();
        for (var i = 0; i < samples && budget.Elapsed < limit; i++)
        {
            // Which goes first changes at random, and each request gets a quiet database: the mail a known address got is
            // delivered in the background, and would otherwise slow whichever request came next (SQLite's write lock).
            var knownFirst = Random.Shared.Next(2) == 0;
            for (var turn = 0; turn < 2; turn++)
            {
                if ((turn == 0) == knownFirst)
                {
                    knownTimes.Add(await TimeAsync(() => send(bench.Client, known.Dequeue())));
                }
                else
                {
                    unknownTimes.Add(await TimeAsync(() => send(bench.Client, $"unknown{i}-{Guid.NewGuid():N}@bench.example")));
                }

                await Task.Delay(settle);
            }
        }

        var k = Median(knownTimes);
        var u = Median(unknownTimes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {k:0.0} | {u:0.0} | {Math.Max(k, u) / Math.Min(k, u):0.00} |"));
    }

    Console.WriteLine();
}

// Lockout: one account, guesses from any number of addresses (the per-IP limit set out of the way), clock simulated.
{
    var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
    await using var bench = await BenchHost.StartAsync(signup: true, clock, fastHashing: true);
    var email = $"target-{Guid.NewGuid():N}@bench.example";
    (await bench.Client.PostAsJsonAsync("/api/auth/register", new { email, password = BenchHost.Password })).EnsureSuccessStatusCode();
    var end = clock.GetUtcNow() + TimeSpan.FromHours(1);
    int evaluated = 0, refused = 0;
    while (clock.GetUtcNow() < end && budget.Elapsed < limit + TimeSpan.FromMinutes(2))
    {
        var answer = await bench.Client.PostAsJsonAsync("/api/auth/login", new { email, password = $"guess-{evaluated}-wrong" });
        if (answer.StatusCode == HttpStatusCode.TooManyRequests)
        {
            refused++;
            clock.Advance(answer.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
        }
        else
        {
            evaluated++;
        }
    }

    Console.WriteLine($"Lockout: an attacker with unlimited addresses got {evaluated} password guesses evaluated against one account in the first hour ({refused} attempts refused with 429 without checking the password); after that, 4 per hour (one per 15 min).");
}

static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> call)
{
    var watch = Stopwatch.StartNew();
    using var response = await call();
    watch.Stop();
    if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Unauthorized)
    {
        throw new InvalidOperationException($"Unexpected answer {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    return watch.Elapsed.TotalMilliseconds;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

/// <summary>The library embedded as a user would, on real Kestrel on loopback and a SQLite file.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";
    private const string PublishableKey = "pk_bench00000000000000000000000000";
    private const string SecretKey = "sk_bench00000000000000000000000000";
    private readonly WebApplication _app;
    private readonly string _directory;

    private BenchHost(WebApplication app, Uri address, string directory)
    {
        _app = app;
        _directory = directory;
        Client = new HttpClient { BaseAddress = address };
        Client.DefaultRequestHeaders.Add("X-Api-Key", PublishableKey);
        Admin = new HttpClient { BaseAddress = address };
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SecretKey);
    }

    public HttpClient Client { get; }

    public HttpClient Admin { get; }

    public static async Task<BenchHost> StartAsync(bool signup, TimeProvider time, bool fastHashing = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), "jak-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(time);
        builder.Services.AddJwtAuthKit(o =>
        {
            o.Issuer = "http://127.0.0.1";
            o.RateLimits.PermitLimit = 1_000_000; // the bench stands for many addresses
            if (fastHashing)
            {
                o.PasswordHashing.MemorySizeKiB = 1024;
                o.PasswordHashing.Iterations = 1;
            }

            o.Applications.Add(new JwtAuthKit.Applications.DeclaredApplication
            {
                Name = "bench",
                PublishableKey = PublishableKey,
                SecretKey = SecretKey,
                Settings = new JwtAuthKit.Applications.ApplicationSettings { SignupEnabled = signup, MagicLinkEnabled = true, EmailOtpEnabled = true },
            });
        }).AddAspNetCore().UseSqlite($"Data Source={Path.Combine(directory, "bench.db")}");
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapJwtAuthKitEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchHost(app, new Uri(address), directory);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Admin.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
