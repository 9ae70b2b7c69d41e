using System.Net;
using System.Text.Json;
using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.AspNetCore.OpenApi;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace JwtAuthKit.AspNetCore.Tests;

/// <summary>
/// The OpenAPI document describes every endpoint JwtAuthKit maps, checked against the app's own endpoint table: its
/// request body, its problem responses with their codes, and its credentials.
/// </summary>
public sealed class OpenApiTests
{
    [Fact]
    public async Task The_document_lists_every_mapped_endpoint_with_its_body_problems_and_credentials()
    {
        await using var host = await TestHost.StartAsync(mapMore: app =>
        {
            app.MapOpenApi();
            app.MapGet("/app/own", () => "the application's own endpoint");
        });

        var response = await host.Client.GetAsync("/openapi/jwtauthkit.json");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var document = await response.JsonAsync();
        document.GetProperty("openapi").GetString().Should().StartWith("3.1");
        var paths = document.GetProperty("paths");
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        schemes.EnumerateObject().Select(s => s.Name).Should().BeEquivalentTo(
            [JwtAuthKitOpenApi.AccessTokenScheme, JwtAuthKitOpenApi.SecretKeyScheme, JwtAuthKitOpenApi.PublishableKeyScheme]);

        var endpoints = host.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IEndpointGroupNameMetadata>()?.EndpointGroupName == JwtAuthKitOpenApi.DocumentName)
            .ToList();
        endpoints.Should().HaveCountGreaterThan(40, "the end-user, admin, platform and discovery routes");
        paths.TryGetProperty("/app/own", out _).Should().BeFalse("the application's own endpoints stay out of JwtAuthKit's document");

        foreach (var endpoint in endpoints)
        {
            var path = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single().ToLowerInvariant();
            var because = $"{method.ToUpperInvariant()} {path} is mapped";
            paths.TryGetProperty(path, out var item).Should().BeTrue(because);
            item.TryGetProperty(method, out var operation).Should().BeTrue(because);
            operation.TryGetProperty("summary", out _).Should().BeTrue($"{because} and says what it does");

            if (endpoint.Metadata.GetMetadata<RequestBodyMetadata>() is not null)
            {
                var body = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
                (body.TryGetProperty("$ref", out _) || body.TryGetProperty("properties", out _)).Should().BeTrue($"{because} and reads a JSON body");
            }

            foreach (var code in endpoint.Metadata.GetOrderedMetadata<ProblemCodesMetadata>().SelectMany(m => m.Codes).Distinct())
            {
                var status = ProblemResults.StatusOf(code).ToString(System.Globalization.CultureInfo.InvariantCulture);
                operation.GetProperty("responses").TryGetProperty(status, out var problem).Should().BeTrue($"{because} and may answer {code}");
                var codes = problem.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema")
                    .GetProperty("properties").GetProperty("code").GetProperty("enum").EnumerateArray().Select(c => c.GetString());
                codes.Should().Contain(code, because);
            }

            var credentials = endpoint.Metadata.GetOrderedMetadata<CredentialMetadata>().SelectMany(m => m.Schemes).ToList();
            if (credentials.Count > 0)
            {
                operation.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name))
                    .Should().BeEquivalentTo(credentials.Distinct(), because);
            }
        }

        var login = paths.GetProperty("/api/auth/login").GetProperty("post");
        var loginBody = Resolve(document, login.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        loginBody.GetProperty("properties").EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(["email", "password"], "bodies use the wire's snake_case names");
        login.GetProperty("responses").GetProperty("401").GetProperty("description").GetString().Should().Contain("invalid_credentials");
        var settings = Resolve(document, paths.GetProperty("/api/admin/settings").GetProperty("patch").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        settings.GetProperty("properties").TryGetProperty("magic_link_enabled", out _).Should().BeTrue("settings fields are snake_case too");
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
}
