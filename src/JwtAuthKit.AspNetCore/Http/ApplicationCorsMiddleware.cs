using JwtAuthKit.Applications;
using JwtAuthKit.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>
/// CORS answered per application from its <c>allowed_origins</c>. A preflight names no application (browsers do not
/// send header values in it), so it is allowed when any application allows the origin; the actual request is then
/// allowed only when its own application (that of its access token or secret key, else its <c>X-Api-Key</c>) allows the origin.
/// Credentials are allowed for those origins, for the refresh-token cookie of the cookie transport (itself
/// <c>SameSite=Strict</c>, so only same-site pages can send it).
/// </summary>
internal sealed class ApplicationCorsMiddleware(RequestDelegate next, IApplicationResolver resolver, IReadOnlyList<PathString> scopes)
{
    private const string AllowedMethods = "GET, POST, PUT, PATCH, DELETE";
    private const string AllowedHeaders = "Authorization, Content-Type, X-Api-Key, " + RefreshTokenCookie.TransportHeader;
    private const string ExposedHeaders = "Retry-After, WWW-Authenticate";

    public async Task InvokeAsync(HttpContext context)
    {
        var originHeader = context.Request.Headers.Origin.ToString();
        if (originHeader.Length == 0 || !scopes.Any(scope => context.Request.Path.StartsWithSegments(scope)))
        {
            await next(context);
            return;
        }

        var cancellationToken = context.RequestAborted;
        var response = context.Response;
        response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);

        if (HttpMethods.IsOptions(context.Request.Method) && context.Request.Headers.ContainsKey(HeaderNames.AccessControlRequestMethod))
        {
            if (await resolver.IsOriginAllowedAsync(null, originHeader, cancellationToken))
            {
                response.Headers.AccessControlAllowOrigin = originHeader;
                response.Headers.AccessControlAllowMethods = AllowedMethods;
                response.Headers.AccessControlAllowHeaders = AllowedHeaders;
                response.Headers.AccessControlAllowCredentials = "true";
                response.Headers.AccessControlMaxAge = "600";
            }

            response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        // Decided when the answer starts, once authentication has named the credential's application: the
        // lookups below run only when it did not (all of them are cached).
        response.OnStarting(async () =>
        {
            var application = JwtAuthKitAuthenticationHandler.GetApplication(context);
            if (application is null)
            {
                var named = await RequestApplication.ResolveAsync(context, required: true);
                application = named.Succeeded ? named.Value : null;
            }

            if (await resolver.IsOriginAllowedAsync(application, originHeader, cancellationToken))
            {
                response.Headers.AccessControlAllowOrigin = originHeader;
                response.Headers.AccessControlExposeHeaders = ExposedHeaders;

                // Credentials (the refresh cookie) only for a request whose own application allows the origin, never
                // on the strength of some other application's list.
                if (application is not null)
                {
                    response.Headers.AccessControlAllowCredentials = "true";
                }
            }
        });
        await next(context);
    }
}
