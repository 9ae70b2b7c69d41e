using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using JwtAuthKit.AspNetCore;
using JwtAuthKit.EntityFramework;
using JwtAuthKit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JwtAuthKit.Bench.Micro;

/// <summary>
/// The library in this process (BenchmarkDotNet runs in-process), on real Kestrel on loopback and a real database, with
/// one user signed in: what the micro-benchmarks call into. One per provider, made on first use.
/// </summary>
public sealed class MicroHost
{
    private static readonly Dictionary<string, Task<MicroHost>> Hosts = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    private MicroHost(WebApplication app, string accessToken, string refreshToken, string userId, string jwks, string? folder)
    {
        App = app;
        Folder = folder;
        AccessToken = accessToken;
        RefreshToken = refreshToken;
        UserId = userId;
        Jwks = jwks;
    }

    /// <summary>Extra JwtAuthKit configuration (key=value) from the harness's --set options, e.g. another hasher.</summary>
    public static IReadOnlyDictionary<string, string?> Overrides { get; set; } = new Dictionary<string, string?>();

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public string AccessToken { get; }

    public string RefreshToken { get; }

    public string UserId { get; }

    public string Jwks { get; }

    /// <summary>The temporary folder of the SQLite file, deleted when the host stops.</summary>
    public string? Folder { get; }

    public static Task<MicroHost> GetAsync(string provider)
    {
        lock (Gate)
        {
            if (!Hosts.TryGetValue(provider, out var host))
            {
                host = StartAsync(provider);
                Hosts[provider] = host;
            }

            return host;
        }
    }

    /// <summary>Stops the hosts once the micro-benchmarks are done, so their background work does not weigh on the HTTP runs.</summary>
    public static async Task StopAllAsync()
    {
        Task<MicroHost>[] hosts;
        lock (Gate)
        {
            hosts = [.. Hosts.Values];
            Hosts.Clear();
        }

        foreach (var host in hosts)
        {
            var started = await host;
            await started.App.StopAsync();
            await started.App.DisposeAsync();
            if (started.Folder is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(started.Folder, recursive: true);
            }
        }
    }

    private static async Task<MicroHost> StartAsync(string provider)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var settings = new Dictionary<string, string?>
        {
            ["JwtAuthKit:Issuer"] = "http://127.0.0.1",
            ["JwtAuthKit:RateLimits:PermitLimit"] = "100000000",
            ["JwtAuthKit:Applications:0:Name"] = "bench",
            ["JwtAuthKit:Applications:0:PublishableKey"] = Harness.PublishableKey,
            ["JwtAuthKit:Applications:0:SecretKey"] = Harness.SecretKey,
        };
        foreach (var (key, value) in Overrides)
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        var jwtAuthKit = builder.Services.AddJwtAuthKit(builder.Configuration.GetSection(JwtAuthKitOptions.SectionName)).AddAspNetCore();
        string? folder = null;
        if (provider == "PostgreSql")
        {
            jwtAuthKit.UsePostgreSql(await PostgreSqlServer.CreateDatabaseAsync());
        }
        else
        {
            folder = Directory.CreateTempSubdirectory("jak-micro-").FullName;
            jwtAuthKit.UseSqlite($"Data Source={Path.Combine(folder, "micro.db")}");
        }

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapJwtAuthKitEndpoints();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Add("X-Api-Key", Harness.PublishableKey);
        using (var create = new HttpRequestMessage(HttpMethod.Post, "/api/admin/users"))
        {
            create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Harness.SecretKey);
            create.Content = JsonContent.Create(new { email = "micro@bench.example", password = Harness.Password });
            (await client.SendAsync(create)).EnsureSuccessStatusCode();
        }

        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "micro@bench.example", password = Harness.Password });
        login.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        var jwks = await client.GetStringAsync("/.well-known/jwks.json");
        return new MicroHost(app, body.RootElement.GetProperty("access_token").GetString()!, body.RootElement.GetProperty("refresh_token").GetString()!,
            body.RootElement.GetProperty("user").GetProperty("id").GetString()!, jwks, folder);
    }
}
