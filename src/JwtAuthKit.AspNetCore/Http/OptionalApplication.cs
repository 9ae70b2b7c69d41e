using System.Reflection;
using JwtAuthKit.Applications;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>
/// The application named by <c>X-Api-Key</c> when the header is sent, for requests whose token already names its
/// application (refresh, verification and reset links). A key that is sent must be valid.
/// </summary>
internal sealed class OptionalApplication : IRequestBinding
{
    private OptionalApplication(Application? application, JwtAuthKitError? error)
    {
        Application = application;
        BindingError = error;
    }

    public Application? Application { get; }

    public JwtAuthKitError? BindingError { get; }

    public static async ValueTask<OptionalApplication> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        _ = parameter;
        var header = context.Request.Headers[JwtAuthKitDefaults.ApiKeyHeader].ToString();
        if (header.Length == 0)
        {
            return new OptionalApplication(null, null);
        }

        var result = await context.RequestServices.GetRequiredService<ApplicationResolver>().ResolveAsync(header, context.RequestAborted);
        return result.Succeeded ? new OptionalApplication(result.Value, null) : new OptionalApplication(null, result.Error);
    }
}
