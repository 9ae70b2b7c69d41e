using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace JwtAuthKit.AspNetCore.OpenApi;

/// <summary>The document's title and description, and the three credentials JwtAuthKit accepts.</summary>
internal sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "JwtAuthKit",
            Version = typeof(DocumentInfoTransformer).Assembly.GetName().Version?.ToString(3) ?? "1",
            Description = "Sign-up, sign-in, rotating refresh tokens, sessions, email flows, and the administration of applications, "
                + "users, roles and settings. Errors are RFC 9457 problem details whose `code` is stable; each response lists the codes it may carry.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[JwtAuthKitOpenApi.AccessTokenScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JwtAuthKit access token (`Authorization: Bearer eyJ…`).",
        };
        document.Components.SecuritySchemes[JwtAuthKitOpenApi.SecretKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An application's secret key (`Authorization: Bearer sk_…`), on servers only. It holds every permission in its application.",
        };
        document.Components.SecuritySchemes[JwtAuthKitOpenApi.PublishableKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = JwtAuthKitDefaults.ApiKeyHeader,
            Description = "The application's publishable key (`pk_…`); may be left out when the deployment serves one application.",
        };
        return Task.CompletedTask;
    }
}
