using Microsoft.Extensions.DependencyInjection;

namespace JwtAuthKit.AspNetCore.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document of JwtAuthKit's endpoints, <c>/openapi/jwtauthkit.json</c> once the application calls
/// <c>app.MapOpenApi()</c>: request and success bodies, problem responses with their codes, and the credentials.
/// </summary>
internal static class JwtAuthKitOpenApi
{
    public const string DocumentName = "jwtauthkit";
    public const string AccessTokenScheme = "access_token";
    public const string SecretKeyScheme = "secret_key";
    public const string PublishableKeyScheme = "publishable_key";

    public static void Add(IServiceCollection services) => services.AddOpenApi(DocumentName, options =>
    {
        // Only JwtAuthKit's endpoints (the group name its route groups carry), never the application's own.
        options.ShouldInclude = description => description.GroupName == DocumentName;
        options.AddDocumentTransformer<DocumentInfoTransformer>();
        options.AddOperationTransformer<RequestBodyTransformer>();
        options.AddOperationTransformer<ProblemResponsesTransformer>();
        options.AddOperationTransformer<SecurityRequirementsTransformer>();
        options.AddSchemaTransformer<WireSchemaTransformer>();
    });
}
