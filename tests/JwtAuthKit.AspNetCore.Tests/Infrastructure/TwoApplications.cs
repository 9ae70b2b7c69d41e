using System.Net;
using System.Net.Http.Json;
using JwtAuthKit.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace JwtAuthKit.AspNetCore.Tests.Infrastructure;

/// <summary>One host serving two applications, alpha and beta, each with keys declared in configuration.</summary>
public class TwoApplications : IAsyncLifetime
{
    public const string AlphaPublishable = "pk_alpha00000000000000000000000000";
    public const string AlphaSecret = "sk_alpha00000000000000000000000000";
    public const string BetaPublishable = "pk_beta000000000000000000000000000";
    public const string BetaSecret = "sk_beta000000000000000000000000000";

    public TestHost Host { get; private set; } = null!;

    public HttpClient Alpha { get; private set; } = null!;

    public HttpClient Beta { get; private set; } = null!;

    public static Dictionary<string, string?> Configuration() => new()
    {
        ["JwtAuthKit:Applications:0:Name"] = "alpha",
        ["JwtAuthKit:Applications:0:ClientId"] = "alpha-app",
        ["JwtAuthKit:Applications:0:PublishableKey"] = AlphaPublishable,
        ["JwtAuthKit:Applications:0:SecretKey"] = AlphaSecret,
        ["JwtAuthKit:Applications:1:Name"] = "beta",
        ["JwtAuthKit:Applications:1:ClientId"] = "beta-app",
        ["JwtAuthKit:Applications:1:PublishableKey"] = BetaPublishable,
        ["JwtAuthKit:Applications:1:SecretKey"] = BetaSecret,
    };

    protected virtual DatabaseKind Database => DatabaseKind.Sqlite;

    public async Task InitializeAsync()
    {
        Host = await TestHost.StartAsync(configuration: Configuration(), mapMore: MapAppEndpoints, database: await TestDatabase.NewAsync(Database));
        Alpha = Host.NewClient(AlphaPublishable);
        Beta = Host.NewClient(BetaPublishable);
    }

    public async Task DisposeAsync()
    {
        Alpha.Dispose();
        Beta.Dispose();
        await Host.DisposeAsync();
    }

    /// <summary>The embedding app's own endpoints, protected with JwtAuthKit's authorization.</summary>
    public static void MapAppEndpoints(WebApplication app)
    {
        app.MapPost("/posts", () => TypedResults.Ok(new { saved = true })).RequirePermission("posts:write");
        app.MapPost("/alpha-posts", () => TypedResults.Ok(new { saved = true })).RequirePermission("posts:write", clientId: "alpha-app");
        app.MapGet("/staff", () => TypedResults.Ok(new { staff = true })).RequireAuthorization(policy => policy.RequireRole("admin"));
    }

    /// <summary>Signs a user up in an application and returns their id and a fresh access token after setting roles.</summary>
    public async Task<(string Id, string Token)> UserWithRolesAsync(HttpClient app, string secretKey, params string[] roles)
    {
        var email = Unique.Email();
        var signedUp = await app.SignUpAndInAsync(email);
        var id = signedUp.GetProperty("user").GetProperty("id").GetString()!;
        if (roles.Length > 0)
        {
            var set = await Host.Client.SendWithBearerAsync(HttpMethod.Put, $"/api/admin/users/{id}/roles", secretKey, new { roles });
            set.StatusCode.Should().Be(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());

            // A role change is dated just after its commit (tokens made from a user read before it are stale): the
            // sign-in below comes later, as it would on a real clock.
            Host.Time.Advance(TimeSpan.FromMilliseconds(5));
        }

        var login = await app.LoginAsync(email);
        login.EnsureSuccessStatusCode();
        return (id, (await login.JsonAsync()).GetProperty("access_token").GetString()!);
    }

    public Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, string credential, object? body = null) =>
        Host.Client.SendWithBearerAsync(method, "/api/admin" + path, credential, body);

    public async Task CreateRoleAsync(string secretKey, string name, params string[] permissions)
    {
        var created = await AdminAsync(HttpMethod.Post, "/roles", secretKey, new { name, permissions });
        created.StatusCode.Should().BeOneOf([HttpStatusCode.Created, HttpStatusCode.Conflict], await created.Content.ReadAsStringAsync());
    }
}

/// <summary>Test collection sharing one two-application host.</summary>
[CollectionDefinition(nameof(TwoApplications))]
public sealed class TwoApplicationsGroup : ICollectionFixture<TwoApplications>;

/// <summary>The two-application host on PostgreSQL.</summary>
public sealed class PostgreSqlTwoApplications : TwoApplications
{
    protected override DatabaseKind Database => DatabaseKind.PostgreSql;
}

/// <summary>Test collection sharing one two-application host on PostgreSQL.</summary>
[CollectionDefinition(nameof(PostgreSqlTwoApplications))]
public sealed class PostgreSqlTwoApplicationsGroup : ICollectionFixture<PostgreSqlTwoApplications>;
