using System.Reflection;
using JwtAuthKit.Sessions;
using Microsoft.AspNetCore.Http;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>Where a request came from (address and user agent), as every service that records sessions or audit events takes it.</summary>
internal sealed class RequestClient
{
    private RequestClient(ClientInfo info) => Info = info;

    public ClientInfo Info { get; }

    public static ValueTask<RequestClient> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        _ = parameter;
        return ValueTask.FromResult(new RequestClient(From(context)));
    }

    /// <summary>The one place a request's client is read (the connection's address; forwarded headers are the host's ForwardedHeaders middleware's business).</summary>
    public static ClientInfo From(HttpContext context) =>
        new(context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null);
}
