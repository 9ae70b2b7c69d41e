using System.Reflection;
using JwtAuthKit.Applications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>
/// The application named by <c>X-Api-Key</c> when the header is sent, for requests whose token already names its
/// application (refresh, verification and reset links). A key that is sent must be valid.
/// </summary>
internal sealed class OptionalApplication : IRequestBinding, IEndpointParameterMetadataProvider
{
    private OptionalApplication(Application? application, JwtAuthKitError? error)
    {
        Application = application;
        BindingError = error;
    }

    public Application? Application { get; }

    /// <summary>A binding that names <paramref name="application"/>, for a filter that resolved it itself.</summary>
    internal static OptionalApplication For(Application application) => new(application, null);

    public JwtAuthKitError? BindingError { get; }

    public static async ValueTask<OptionalApplication> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        _ = parameter;
        var result = await RequestApplication.ResolveAsync(context, required: false);
        return result.Succeeded ? new OptionalApplication(result.Value, null) : new OptionalApplication(null, result.Error);
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        BindingMetadata.Add(builder, [JwtAuthKitErrors.InvalidApiKey]);
}
