using System.Text.Json.Serialization;
using JwtAuthKit.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.AspNetCore.Endpoints;

/// <summary>JWKS (RFC 7517) and OpenID discovery, so any resource server can validate access tokens.</summary>
internal static class DiscoveryEndpoints
{
    public const string JwksPath = "/.well-known/jwks.json";
    public const string ConfigurationPath = "/.well-known/openid-configuration";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(JwksPath, GetJwksAsync).AllowAnonymous().WithTags("Discovery").WithGroupName(OpenApi.JwtAuthKitOpenApi.DocumentName).WithMetadata(Http.SecurityHeaders.PublicDocument)
            .WithSummary("The public keys that validate access tokens (JWKS)");
        endpoints.MapGet(ConfigurationPath, GetConfigurationAsync).AllowAnonymous().WithTags("Discovery").WithGroupName(OpenApi.JwtAuthKitOpenApi.DocumentName).WithMetadata(Http.SecurityHeaders.PublicDocument)
            .WithSummary("OpenID discovery: the issuer and where its keys are");
    }

    public static async Task<Ok<JwksResponse>> GetJwksAsync(SigningKeyManager keys, HttpContext http, CancellationToken cancellationToken)
    {
        // Short caching: a new key appears within minutes, and retired keys stay published long after that.
        http.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Ok(new JwksResponse(await keys.GetPublicJwksAsync(cancellationToken)));
    }

    public static async Task<Ok<DiscoveryResponse>> GetConfigurationAsync(SigningKeyManager keys, IOptions<JwtAuthKitOptions> options, HttpContext http, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "public, max-age=300";
        var issuer = options.Value.Issuer;
        var algorithms = await keys.GetSigningAlgorithmsAsync(cancellationToken);
        return TypedResults.Ok(new DiscoveryResponse(issuer, issuer.TrimEnd('/') + JwksPath, [.. algorithms.Order(StringComparer.Ordinal)]));
    }

    internal sealed record JwksResponse([property: JsonPropertyName("keys")] IReadOnlyList<IReadOnlyDictionary<string, string>> Keys);

    internal sealed record DiscoveryResponse(
        [property: JsonPropertyName("issuer")] string Issuer,
        [property: JsonPropertyName("jwks_uri")] string JwksUri,
        [property: JsonPropertyName("id_token_signing_alg_values_supported")] IReadOnlyList<string> SigningAlgorithms);
}
