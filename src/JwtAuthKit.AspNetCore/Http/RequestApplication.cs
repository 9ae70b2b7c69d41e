using System.Reflection;
using JwtAuthKit.Applications;
using JwtAuthKit.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>
/// The application an end-user request belongs to, named by its <c>X-Api-Key</c> header (or the only application, when
/// there is just one). The one place the header is read for end-user endpoints.
/// </summary>
internal sealed class RequestApplication : IRequestBinding, IEndpointParameterMetadataProvider
{
    private RequestApplication(Application? application, JwtAuthKitError? error)
    {
        Application = application!;
        BindingError = error;
    }

    public Application Application { get; }

    public JwtAuthKitError? BindingError { get; }

    public static async ValueTask<RequestApplication> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        _ = parameter;
        var result = await ResolveAsync(context, required: true);
        return result.Succeeded ? new RequestApplication(result.Value, null) : new RequestApplication(null, result.Error);
    }

    /// <summary>
    /// Resolves the <c>X-Api-Key</c> header. When not <paramref name="required"/>, a missing header is no application (the
    /// request's token names it); a header that is sent must always be valid.
    /// </summary>
    internal static async Task<Result<Application?>> ResolveAsync(HttpContext context, bool required)
    {
        var header = context.Request.Headers[JwtAuthKitDefaults.ApiKeyHeader].ToString();
        if (header.Length == 0 && !required)
        {
            return Result<Application?>.Success(null);
        }

        var resolver = context.RequestServices.GetRequiredService<IApplicationResolver>();
        var result = await resolver.ResolveAsync(header.Length == 0 ? null : header, context.RequestAborted);
        return result.Succeeded ? result.Value : result.Error;
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        BindingMetadata.Add(builder, [JwtAuthKitErrors.ApiKeyRequired, JwtAuthKitErrors.InvalidApiKey], JwtAuthKitOpenApi.PublishableKeyScheme);
}
