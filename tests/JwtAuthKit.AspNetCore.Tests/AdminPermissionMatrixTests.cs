using System.Net;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;

namespace JwtAuthKit.AspNetCore.Tests;

/// <summary>Each admin endpoint × each kind of caller gives the expected status.</summary>
[Collection(nameof(TwoApplications))]
public sealed class AdminPermissionMatrixTests(TwoApplications apps)
{
    private enum Caller
    {
        SecretKey,
        PublishableKey,
        AdminUser,
        PlainUser,
        ReaderUser,
        OtherSecretKey,
        Nobody,
        UnknownKey,
    }

    [Fact]
    public async Task Every_admin_endpoint_answers_each_caller_as_expected()
    {
        await apps.CreateRoleAsync(TwoApplications.AlphaSecret, "user-reader", "users:read", "roles:read", "settings:read", "audit:read");
        var (_, adminToken) = await apps.UserWithRolesAsync(apps.Alpha, TwoApplications.AlphaSecret, "admin");
        var (_, plainToken) = await apps.UserWithRolesAsync(apps.Alpha, TwoApplications.AlphaSecret);
        var (_, readerToken) = await apps.UserWithRolesAsync(apps.Alpha, TwoApplications.AlphaSecret, "user-reader");

        string? Credential(Caller caller) => caller switch
        {
            Caller.SecretKey => TwoApplications.AlphaSecret,
            Caller.PublishableKey => TwoApplications.AlphaPublishable,
            Caller.AdminUser => adminToken,
            Caller.PlainUser => plainToken,
            Caller.ReaderUser => readerToken,
            Caller.OtherSecretKey => TwoApplications.BetaSecret,
            Caller.UnknownKey => "sk_unknown000000000000000000000000",
            _ => null,
        };

        var failures = new List<string>();
        foreach (var endpoint in Endpoints())
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                // A fresh target per call, so deletes and disables do not change the next row.
                var (targetId, _) = await apps.UserWithRolesAsync(apps.Alpha, TwoApplications.AlphaSecret);
                var role = "matrix-" + Guid.NewGuid().ToString("N")[..8];
                await apps.CreateRoleAsync(TwoApplications.AlphaSecret, role, "x:y");
                var path = endpoint.Path.Replace("{id}", targetId, StringComparison.Ordinal).Replace("{role}", role, StringComparison.Ordinal);
                var body = endpoint.Body?.Invoke();

                var request = new HttpRequestMessage(endpoint.Method, "/api/admin" + path);
                if (Credential(caller) is { } credential)
                {
                    request.WithBearer(credential);
                }

                if (body is not null)
                {
                    request.Content = System.Net.Http.Json.JsonContent.Create(body);
                }

                var response = await apps.Host.Client.SendAsync(request);
                var expected = Expected(endpoint, caller);
                if (response.StatusCode != expected)
                {
                    failures.Add($"{endpoint.Method} {endpoint.Path} as {caller}: {(int)response.StatusCode}, expected {(int)expected}");
                }
                else if ((int)expected >= 400)
                {
                    response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", $"{endpoint.Method} {endpoint.Path} as {caller}");
                }
            }
        }

        failures.Should().BeEmpty();
    }

    private static HttpStatusCode Expected(Endpoint endpoint, Caller caller) => caller switch
    {
        Caller.SecretKey or Caller.AdminUser => endpoint.Success,
        Caller.ReaderUser => endpoint.Method == HttpMethod.Get ? endpoint.Success : HttpStatusCode.Forbidden,
        Caller.PublishableKey or Caller.PlainUser => HttpStatusCode.Forbidden,
        Caller.OtherSecretKey => endpoint.Path.Contains('{', StringComparison.Ordinal) ? HttpStatusCode.NotFound : endpoint.Success,
        _ => HttpStatusCode.Unauthorized,
    };

    private static IEnumerable<Endpoint> Endpoints() =>
    [
        new(HttpMethod.Get, "/users", HttpStatusCode.OK),
        new(HttpMethod.Post, "/users", HttpStatusCode.Created, () => new { email = Unique.Email("made") }),
        new(HttpMethod.Get, "/users/{id}", HttpStatusCode.OK),
        new(HttpMethod.Patch, "/users/{id}", HttpStatusCode.OK, () => new { name = "Changed" }),
        new(HttpMethod.Delete, "/users/{id}", HttpStatusCode.NoContent),
        new(HttpMethod.Put, "/users/{id}/roles", HttpStatusCode.OK, () => new { roles = new[] { "user" } }),
        new(HttpMethod.Post, "/users/{id}/password-reset", HttpStatusCode.Accepted),
        new(HttpMethod.Get, "/users/{id}/sessions", HttpStatusCode.OK),
        new(HttpMethod.Post, "/users/{id}/sessions/revoke", HttpStatusCode.NoContent),
        new(HttpMethod.Get, "/roles", HttpStatusCode.OK),
        new(HttpMethod.Post, "/roles", HttpStatusCode.Created, () => new { name = "made-" + Guid.NewGuid().ToString("N")[..8] }),
        new(HttpMethod.Get, "/roles/{role}", HttpStatusCode.OK),
        new(HttpMethod.Put, "/roles/{role}", HttpStatusCode.OK, () => new { permissions = new[] { "a:b" } }),
        new(HttpMethod.Delete, "/roles/{role}", HttpStatusCode.NoContent),
        new(HttpMethod.Get, "/settings", HttpStatusCode.OK),
        new(HttpMethod.Patch, "/settings", HttpStatusCode.OK, () => new { email_from_name = "Matrix" }),
        new(HttpMethod.Get, "/audit-events", HttpStatusCode.OK),
    ];

    private sealed record Endpoint(HttpMethod Method, string Path, HttpStatusCode Success, Func<object>? Body = null);
}
