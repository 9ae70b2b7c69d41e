using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using JwtAuthKit.AspNetCore;
using JwtAuthKit.EntityFramework;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JwtAuthKit.AspNetCore.Tests.Infrastructure;

/// <summary>
/// An ASP.NET Core app that embeds JwtAuthKit the way a user would (AddJwtAuthKit + MapJwtAuthKitEndpoints), on
/// real Kestrel on loopback and a real database: a SQLite file unless the test hands it a <see cref="TestDatabase"/>.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    public const string Issuer = "https://issuer.test";
    private readonly WebApplication _app;

    private TestHost(WebApplication app, Uri address, TestDatabase database, FakeTimeProvider time)
    {
        _app = app;
        Address = address;
        Database = database;
        Time = time;
        Client = NewClient();
    }

    public Uri Address { get; }

    public TestDatabase Database { get; }

    /// <summary>The SQLite file; tests that read it directly run on SQLite only.</summary>
    public string DatabasePath => Database.SqlitePath ?? throw new InvalidOperationException("This host runs on PostgreSQL, not on a SQLite file.");

    /// <summary>The host's clock: timers, caches and polls move only when the test advances it.</summary>
    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>A clock at the real time of day that moves only when the test advances it.</summary>
    public static FakeTimeProvider NewClock() => new(DateTimeOffset.UtcNow);

    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), "jak-tests", Guid.NewGuid().ToString("N"), "auth.db");

    public static async Task<TestHost> StartAsync(
        Action<JwtAuthKitOptions>? configure = null,
        string? databasePath = null,
        FakeTimeProvider? time = null,
        Dictionary<string, string?>? configuration = null,
        Action<WebApplication>? mapMore = null,
        Action<IServiceCollection>? services = null,
        Action<JwtAuthKitBuilder>? kit = null,
        TestDatabase? database = null)
    {
        database ??= TestDatabase.Sqlite(databasePath);
        time ??= NewClock();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(configuration ?? []);
        builder.Services.AddSingleton<TimeProvider>(time);
        services?.Invoke(builder.Services);
        var jwtAuthKit = builder.Services.AddJwtAuthKit(builder.Configuration.GetSection("JwtAuthKit"), o =>
        {
            o.Issuer = Issuer;
            o.PasswordHashing.MemorySizeKiB = 1024;
            o.PasswordHashing.Iterations = 1;
            o.RateLimits.PermitLimit = 10_000;
            o.Email.PollInterval = TimeSpan.FromMilliseconds(100);
            configure?.Invoke(o);
        }).AddAspNetCore();
        database.Use(jwtAuthKit);
        kit?.Invoke(jwtAuthKit);

        var app = builder.Build();
        app.UseJwtAuthKitCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapJwtAuthKitEndpoints();
        mapMore?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestHost(app, new Uri(address), database, time);
    }

    public HttpClient NewClient(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>
    /// Waits until the email requests answered so far have done their per-address work (it runs after the 202), so a
    /// test can count the outbox or move the fake clock.
    /// </summary>
    public Task EmailRequestsDoneAsync() =>
        GetRequiredService<JwtAuthKit.OneTimeTokens.AddressRequestQueue>().WhenIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

    public T GetRequiredService<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Helpers for calling the API as a client would.</summary>
public static class ApiCalls
{
    public const string Password = "correct horse battery staple";

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, string email, string password = Password, string? name = null) =>
        client.PostAsJsonAsync("/api/auth/register", new { email, password, name });

    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password = Password) =>
        client.PostAsJsonAsync("/api/auth/login", new { email, password });

    public static Task<HttpResponseMessage> RefreshAsync(this HttpClient client, string refreshToken) =>
        client.PostAsJsonAsync("/api/auth/token/refresh", new { refresh_token = refreshToken });

    /// <summary>Signs up with a password of one's choice and signs in: the sign-in's answer.</summary>
    public static async Task<HttpResponseMessage> SignUpAndInPasswordAsync(this HttpClient client, string email, string password)
    {
        (await client.RegisterAsync(email, password)).EnsureSuccessStatusCode();
        var login = await client.LoginAsync(email, password);
        login.EnsureSuccessStatusCode();
        return login;
    }

    public static async Task<JsonElement> SignUpAndInAsync(this HttpClient client, string email)
    {
        (await client.RegisterAsync(email)).EnsureSuccessStatusCode();
        var login = await client.LoginAsync(email);
        login.EnsureSuccessStatusCode();
        return await login.JsonAsync();
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<string> ProblemCodeAsync(this HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        return (await response.JsonAsync()).GetProperty("code").GetString()!;
    }

    public static HttpRequestMessage WithBearer(this HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public static Task<HttpResponseMessage> SendWithBearerAsync(this HttpClient client, HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path).WithBearer(token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return client.SendAsync(request);
    }
}
