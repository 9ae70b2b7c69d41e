using JwtAuthKit.AspNetCore.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>
/// Applies <see cref="RefreshTokenCookie"/> to the end-user API: for a request that asks for it, the refresh token of a
/// token answer moves from the body to the cookie, and <c>/token/refresh</c> and <c>/logout</c> read the cookie when the
/// body has none. A logout that asks for it clears the cookie.
/// </summary>
internal sealed class RefreshTokenCookieFilter(string prefix) : IEndpointFilter
{
    private readonly string _path = "/" + prefix.Trim('/');

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!RefreshTokenCookie.Requested(http.Request))
        {
            return await next(context);
        }

        var fromCookie = RefreshTokenCookie.Read(http.Request);
        if (fromCookie is not null)
        {
            // A request that uses the cookie must name its application (its X-Api-Key, or the only one there is), so a
            // page allowed by one application cannot rotate or end the session of another's user.
            var named = await RequestApplication.ResolveAsync(http, required: true);
            if (!named.Succeeded || named.Value is null)
            {
                fromCookie = null;
            }
            else
            {
                for (var i = 0; i < context.Arguments.Count; i++)
                {
                    if (context.Arguments[i] is OptionalApplication { Application: null })
                    {
                        context.Arguments[i] = OptionalApplication.For(named.Value);
                    }
                }
            }
        }

        foreach (var argument in context.Arguments)
        {
            switch (argument)
            {
                case JsonBody<RefreshRequest> { Value: { } refresh } when string.IsNullOrEmpty(refresh.RefreshToken):
                    refresh.RefreshToken = fromCookie;
                    break;
                case JsonBody<LogoutRequest> { Value: { } logout }:
                    if (string.IsNullOrEmpty(logout.RefreshToken))
                    {
                        logout.RefreshToken = fromCookie;
                    }

                    RefreshTokenCookie.Clear(http, _path);
                    break;
            }
        }

        var result = await next(context);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        switch (inner)
        {
            case Ok<AuthResponse> { Value: { RefreshToken: { } token } auth }:
                RefreshTokenCookie.Write(http, _path, token, auth.RefreshTokenExpiresIn);
                return TypedResults.Ok(auth.WithoutRefreshToken());
            case Created<RegisterResponse> { Value: { RefreshToken: { } token } registered }:
                RefreshTokenCookie.Write(http, _path, token, registered.RefreshTokenExpiresIn ?? 0);
                return TypedResults.Created((string?)null, registered.WithoutRefreshToken());
            default:
                return result;
        }
    }
}
