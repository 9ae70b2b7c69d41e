using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace JwtAuthKit.AspNetCore.Http;

/// <summary>The one place error codes become HTTP statuses and RFC 9457 problem details.</summary>
internal static class ProblemResults
{
    private static readonly Dictionary<string, int> Statuses = new(StringComparer.Ordinal)
    {
        [JwtAuthKitErrors.ValidationFailed] = 400,
        [JwtAuthKitErrors.InvalidEmail] = 400,
        [JwtAuthKitErrors.WeakPassword] = 400,
        [JwtAuthKitErrors.InvalidToken] = 400,
        [JwtAuthKitErrors.InvalidRedirect] = 400,
        [JwtAuthKitErrors.Unauthorized] = 401,
        [JwtAuthKitErrors.InvalidCredentials] = 401,
        [JwtAuthKitErrors.InvalidRefreshToken] = 401,
        [JwtAuthKitErrors.RefreshTokenReused] = 401,
        [JwtAuthKitErrors.SessionRevoked] = 401,
        [JwtAuthKitErrors.InvalidMfaCode] = 401,
        [JwtAuthKitErrors.InvalidMfaToken] = 401,
        [JwtAuthKitErrors.TokenStale] = 401,
        [JwtAuthKitErrors.ApiKeyRequired] = 401,
        [JwtAuthKitErrors.InvalidApiKey] = 401,
        [JwtAuthKitErrors.Forbidden] = 403,
        [JwtAuthKitErrors.EmailNotVerified] = 403,
        [JwtAuthKitErrors.AccountDisabled] = 403,
        [JwtAuthKitErrors.MethodDisabled] = 403,
        [JwtAuthKitErrors.SignupDisabled] = 403,
        [JwtAuthKitErrors.MfaEnrollmentRequired] = 403,
        [JwtAuthKitErrors.NotFound] = 404,
        [JwtAuthKitErrors.EmailTaken] = 409,
        [JwtAuthKitErrors.Conflict] = 409,
        [JwtAuthKitErrors.LastOwner] = 409,
        [JwtAuthKitErrors.PayloadTooLarge] = 413,
        [JwtAuthKitErrors.UnsupportedMediaType] = 415,
        [JwtAuthKitErrors.RateLimited] = 429,
    };

    /// <summary>The extension carrying an error's <see cref="JwtAuthKitError.RetryAfter"/> in whole seconds.</summary>
    public const string RetryAfterExtension = "retry_after";

    public static int StatusOf(string code) => Statuses.TryGetValue(code, out var status) ? status : 400;

    public static ProblemHttpResult ToProblem(this JwtAuthKitError error) => TypedResults.Problem(ToProblemDetails(error));

    public static ProblemDetails ToProblemDetails(JwtAuthKitError error)
    {
        var status = StatusOf(error.Code);
        var problem = new ProblemDetails
        {
            Type = "urn:jwtauthkit:error:" + error.Code,
            Title = ReasonPhrases.GetReasonPhrase(status),
            Status = status,
            Detail = error.Message,
        };
        problem.Extensions["code"] = error.Code;
        if (error.RetryAfter is { } retryAfter)
        {
            problem.Extensions[RetryAfterExtension] = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        }

        if (error.FieldErrors is { Count: > 0 } errors)
        {
            problem.Extensions["errors"] = errors;
        }

        return problem;
    }

    /// <summary>Writes a problem directly, for places outside an endpoint (authentication challenges).</summary>
    public static Task WriteAsync(HttpContext context, JwtAuthKitError error) =>
        context.Response.WriteAsJsonAsync(ToProblemDetails(error), (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted);
}
