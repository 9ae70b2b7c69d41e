using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace HostApp.Tests;

/// <summary>
/// A separate ASP.NET Core app that knows only the issuer URL validates our tokens with the standard JwtBearer
/// handler and OIDC discovery.
/// </summary>
public sealed class ResourceServerTests
{
    [Fact]
    public async Task A_standard_JwtBearer_resource_server_accepts_our_tokens_and_refuses_forged_ones()
    {
        await using var host = await HostProcess.StartAsync();
        var publishableKey = Regex.Match(host.Output, @"Publishable key: (pk_[A-Za-z0-9_-]+)").Groups[1].Value;
        var clientId = Regex.Match(host.Output, @"Client id: (\S+)\.").Groups[1].Value;
        publishableKey.Should().NotBeEmpty("the first start logs the default application's keys");
        using var client = host.NewClient(publishableKey);
        (await client.PostAsJsonAsync("/api/auth/register", new { email = "reader@example.com", password = "correct horse battery staple" })).EnsureSuccessStatusCode();
        var login = JsonDocument.Parse(await (await client.PostAsJsonAsync("/api/auth/login", new { email = "reader@example.com", password = "correct horse battery staple" })).Content.ReadAsStringAsync()).RootElement;
        var token = login.GetProperty("access_token").GetString()!;
        var userId = login.GetProperty("user").GetProperty("id").GetString();

        await using var resourceServer = await StartResourceServerAsync(host.Address.ToString().TrimEnd('/'), clientId);
        using var api = new HttpClient { BaseAddress = resourceServer.Address };

        (await GetAsync(api, token)).Should().Be((HttpStatusCode.OK, userId));

        var parts = token.Split('.');
        var header = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(parts[0])).RootElement;
        var kid = header.GetProperty("kid").GetString()!;
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forgedInput = parts[0] + "." + parts[1];
        var forged = forgedInput + "." + Base64UrlEncoder.Encode(attacker.SignData(Encoding.ASCII.GetBytes(forgedInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        var none = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"kid\":\"" + kid + "\",\"typ\":\"at+jwt\"}") + "." + parts[1] + ".";
        var tampered = parts[0] + "." + Base64UrlEncoder.Encode(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("\"user\"", "\"admin\"", StringComparison.Ordinal)) + "." + parts[2];

        (await GetAsync(api, forged)).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await GetAsync(api, none)).Status.Should().Be(HttpStatusCode.Unauthorized);
        (await GetAsync(api, tampered)).Status.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static async Task<(HttpStatusCode Status, string? Body)> GetAsync(HttpClient api, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/data");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await api.SendAsync(request);
        return (response.StatusCode, response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : null);
    }

    private static async Task<RunningApp> StartResourceServerAsync(string issuer, string audience)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.Authority = issuer;
            o.RequireHttpsMetadata = false;
            o.MapInboundClaims = false;
            o.TokenValidationParameters.ValidAudience = audience;
            o.TokenValidationParameters.ValidTypes = ["at+jwt"];
        });
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.MapGet("/data", (HttpContext c) => c.User.FindFirst("sub")!.Value).RequireAuthorization();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningApp(app, new Uri(address));
    }

    private sealed record RunningApp(WebApplication App, Uri Address) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }
}
