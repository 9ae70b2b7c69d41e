using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace JwtAuthKit.AspNetCore.OpenApi;

/// <summary>Lists, per operation, the credentials its bindings read: each an alternative.</summary>
internal sealed class SecurityRequirementsTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var schemes = context.Description.ActionDescriptor.EndpointMetadata.OfType<CredentialMetadata>().SelectMany(m => m.Schemes).Distinct().ToList();
        if (schemes.Count == 0)
        {
            return Task.CompletedTask;
        }

        operation.Security ??= [];
        foreach (var scheme in schemes)
        {
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] });
        }

        return Task.CompletedTask;
    }
}
