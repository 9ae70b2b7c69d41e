using System.Globalization;
using System.Text.Json.Nodes;
using JwtAuthKit.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace JwtAuthKit.AspNetCore.OpenApi;

/// <summary>
/// Turns the codes an endpoint declares (<see cref="ProblemCodesMetadata"/>) into problem responses: one per status,
/// <c>application/problem+json</c>, with the possible <c>code</c> values as an enum and in the description.
/// </summary>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    private const string ProblemSchema = "Problem";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var byStatus = context.Description.ActionDescriptor.EndpointMetadata.OfType<ProblemCodesMetadata>()
            .SelectMany(m => m.Codes)
            .Distinct(StringComparer.Ordinal)
            .GroupBy(ProblemResults.StatusOf)
            .OrderBy(g => g.Key)
            .ToList();
        if (byStatus.Count == 0 || context.Document is not { } document)
        {
            return Task.CompletedTask;
        }

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(ProblemSchema, new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details with JwtAuthKit's stable `code`.",
            Required = new HashSet<string> { "type", "title", "status", "code" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "`urn:jwtauthkit:error:<code>`." },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong and what to do next." },
                ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The stable error code to branch on." },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Messages per request field (validation only).",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
        });

        operation.Responses ??= new OpenApiResponses();
        foreach (var status in byStatus)
        {
            var codes = status.Order(StringComparer.Ordinal).ToList();
            operation.Responses[status.Key.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = $"{ReasonPhrases.GetReasonPhrase(status.Key)}: {string.Join(", ", codes.Select(c => $"`{c}`"))}",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new OpenApiMediaType
                    {
                        Schema = new OpenApiSchema
                        {
                            AllOf = [new OpenApiSchemaReference(ProblemSchema, document)],
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. codes.Select(c => (JsonNode)JsonValue.Create(c)!)] },
                            },
                        },
                    },
                },
            };
        }

        return Task.CompletedTask;
    }
}
