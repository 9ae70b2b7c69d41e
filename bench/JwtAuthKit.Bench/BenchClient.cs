using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace JwtAuthKit.Bench;

/// <summary>HTTP calls of the set-up (users, sign-ins, tokens) against our host, the embedding app and Identity.</summary>
public sealed class BenchClient : IDisposable
{
    private readonly HttpClient _client;

    public BenchClient(Uri address, int connections = 16)
    {
        _client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(120),
        };
    }

    public HttpClient Http => _client;

    public async Task CreateUserAsync(string email)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/users") { Content = JsonContent.Create(new { email, password = Harness.Password }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Harness.SecretKey);
        using var response = await _client.SendAsync(request);
        await EnsureAsync(response, "POST /api/admin/users");
    }

    /// <summary>Signs in on our endpoints; the access and refresh tokens.</summary>
    public async Task<(string Access, string Refresh)> SignInAsync(string email)
    {
        using var request = Ours(HttpMethod.Post, "/api/auth/login");
        request.Content = JsonContent.Create(new { email, password = Harness.Password });
        using var response = await _client.SendAsync(request);
        await EnsureAsync(response, "POST /api/auth/login");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (body.RootElement.GetProperty("access_token").GetString()!, body.RootElement.GetProperty("refresh_token").GetString()!);
    }

    /// <summary>One timed sign-in on our endpoints: milliseconds and whether it was answered 200.</summary>
    public async Task<(double Ms, HttpStatusCode Status)> TimedSignInAsync(string email)
    {
        using var request = Ours(HttpMethod.Post, "/api/auth/login");
        request.Content = JsonContent.Create(new { email, password = Harness.Password });
        var watch = Stopwatch.StartNew();
        using var response = await _client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        return (watch.Elapsed.TotalMilliseconds, response.StatusCode);
    }

    public async Task IdentityRegisterAsync(string email)
    {
        using var response = await _client.PostAsJsonAsync("/register", new { email, password = Harness.Password });
        await EnsureAsync(response, "Identity POST /register");
    }

    public async Task<(string Access, string Refresh)> IdentitySignInAsync(string email)
    {
        using var response = await _client.PostAsJsonAsync("/login", new { email, password = Harness.Password });
        await EnsureAsync(response, "Identity POST /login");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (body.RootElement.GetProperty("accessToken").GetString()!, body.RootElement.GetProperty("refreshToken").GetString()!);
    }

    public HttpRequestMessage Ours(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", Harness.PublishableKey);
        return request;
    }

    /// <summary>Times GET <paramref name="path"/> with the given headers; throws on a non-2xx answer.</summary>
    public async Task<double> TimedGetAsync(string path, Action<HttpRequestMessage>? prepare = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        prepare?.Invoke(request);
        var watch = Stopwatch.StartNew();
        using var response = await _client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var ms = watch.Elapsed.TotalMilliseconds;
        await EnsureAsync(response, "GET " + path);
        return ms;
    }

    public static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public void Dispose() => _client.Dispose();
}
