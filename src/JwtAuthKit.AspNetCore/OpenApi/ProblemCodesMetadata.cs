namespace JwtAuthKit.AspNetCore.OpenApi;

/// <summary>
/// The error codes an endpoint may answer, declared in the route table and by the bindings its handler takes; the
/// OpenAPI document lists them under each problem status.
/// </summary>
/// <param name="Codes">Codes of <see cref="JwtAuthKitErrors"/>.</param>
internal sealed record ProblemCodesMetadata(IReadOnlyList<string> Codes);
