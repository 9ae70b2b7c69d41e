namespace JwtAuthKit.AspNetCore.OpenApi;

/// <summary>The credentials an endpoint accepts, each an alternative (OpenAPI security schemes of the document).</summary>
/// <param name="Schemes">Names from <see cref="JwtAuthKitOpenApi"/>: access token, secret key, publishable key.</param>
internal sealed record CredentialMetadata(IReadOnlyList<string> Schemes);
