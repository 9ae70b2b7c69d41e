using System.Text.Json;
using JwtAuthKit.Applications;
using JwtAuthKit.Email;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace JwtAuthKit.AspNetCore.OpenApi;

/// <summary>
/// Makes schemas say what the wire carries whatever the application's own JSON options are: numbers are numbers (the
/// bodies are read strictly), and settings fields are <c>snake_case</c> like every other field.
/// </summary>
internal sealed class WireSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type == typeof(int) || type == typeof(long))
        {
            schema.Type = JsonSchemaType.Integer | (schema.Type & JsonSchemaType.Null);
            schema.Pattern = null;
        }

        if ((type == typeof(ApplicationSettings) || type == typeof(EmailTemplate)) && schema.Properties is { Count: > 0 } properties)
        {
            schema.Properties = properties.ToDictionary(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Key), p => p.Value);
        }

        return Task.CompletedTask;
    }
}
