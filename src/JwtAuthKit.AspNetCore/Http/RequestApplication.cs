using System.Reflection;
using JwtAuthKit.Applications;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>The application an end-user request belongs to, named by its <c>X-Api-Key</c> header.</summary>
internal sealed class RequestApplication : IRequestBinding
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
        var resolver = context.RequestServices.GetRequiredService<ApplicationResolver>();
        var header = context.Request.Headers[JwtAuthKitDefaults.ApiKeyHeader].ToString();
        var result = await resolver.ResolveAsync(header.Length == 0 ? null : header, context.RequestAborted);
        return result.Succeeded ? new RequestApplication(result.Value, null) : new RequestApplication(null, result.Error);
    }
}
