using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>
/// A JSON request body read by JwtAuthKit itself, so that every failure gets problem details with a stable code:
/// over 64 KiB → 413 <c>payload_too_large</c>, not JSON → 415 <c>unsupported_media_type</c>, malformed → 400
/// <c>validation_failed</c>, cut off or too slow → 400 <c>validation_failed</c> (logged at Debug). An empty body binds to an empty request, whose missing fields the service reports.
/// </summary>
internal sealed class JsonBody<T> : IRequestBinding, IEndpointParameterMetadataProvider
    where T : class, new()
{
    private JsonBody(T? value, JwtAuthKitError? error)
    {
        Value = value!;
        BindingError = error;
    }

    public T Value { get; }

    public JwtAuthKitError? BindingError { get; }

    public static async ValueTask<JsonBody<T>> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        _ = parameter;
        var request = context.Request;
        if (request.ContentLength > JwtAuthKitDefaults.MaxRequestBodySize)
        {
            return Fail(HttpErrors.PayloadTooLarge);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = JwtAuthKitDefaults.MaxRequestBodySize;
        }

        var hasBody = request.ContentLength > 0
            || (request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: true });
        if (!hasBody)
        {
            return new JsonBody<T>(new T(), null);
        }

        if (!request.HasJsonContentType())
        {
            return Fail(HttpErrors.UnsupportedMediaType);
        }

        byte[] buffer;
        try
        {
            buffer = await ReadLimitedAsync(request.Body, context.RequestAborted);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Fail(HttpErrors.PayloadTooLarge);
        }
        catch (Exception ex) when (IsClientFault(ex, context))
        {
            // The client stopped sending, cut the connection or sent too slowly (Kestrel's MinRequestBodyDataRate): its
            // fault, not ours, so no error and no stack trace in the log (a flood of these would drown real errors).
            RequestBodyLog.Incomplete(context, ex);
            return Fail(HttpErrors.IncompleteBody);
        }

        if (buffer.Length > JwtAuthKitDefaults.MaxRequestBodySize)
        {
            return Fail(HttpErrors.PayloadTooLarge);
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer, WireJson.Options);
            return value is null ? Fail(HttpErrors.NotAJsonObject) : new JsonBody<T>(value, null);
        }
        catch (JsonException)
        {
            return Fail(HttpErrors.MalformedJson);
        }
    }

    private static bool IsClientFault(Exception ex, HttpContext context) =>
        ex is BadHttpRequestException or IOException || (ex is OperationCanceledException && context.RequestAborted.IsCancellationRequested);

    private static async Task<byte[]> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var memory = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            memory.Write(chunk, 0, read);
            if (memory.Length > JwtAuthKitDefaults.MaxRequestBodySize)
            {
                break;
            }
        }

        return memory.ToArray();
    }

    /// <summary>Describes the body (its type, as JSON) and the errors of reading it to the OpenAPI document.</summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        builder.Metadata.Add(new OpenApi.RequestBodyMetadata(typeof(T)));
        BindingMetadata.Add(builder, [JwtAuthKitErrors.ValidationFailed, JwtAuthKitErrors.PayloadTooLarge, JwtAuthKitErrors.UnsupportedMediaType]);
    }

    private static JsonBody<T> Fail(JwtAuthKitError error) => new(null, error);
}
