using JwtAuthKit.Administration;
using JwtAuthKit.Applications;
using JwtAuthKit.AspNetCore.Contracts;
using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.Platform;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JwtAuthKit.AspNetCore.Endpoints;

/// <summary>The operators' API (<c>/api/platform</c>): sign-in, applications and their keys.</summary>
internal static class PlatformHandlers
{
    public static async Task<Results<Ok<AuthResponse>, Ok<MfaRequiredResponse>, ProblemHttpResult>> LoginAsync(
        JsonBody<LoginRequest> body, RequestClient client, IOperatorAccountService operators, CancellationToken cancellationToken) =>
        SignInHandlers.Answer(await operators.SignInAsync(body.Value.Email, body.Value.Password, client.Info, cancellationToken));

    public static async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> LoginMfaAsync(
        JsonBody<MfaLoginRequest> body, RequestClient client, IOperatorAccountService operators, CancellationToken cancellationToken) =>
        SignInHandlers.Answer(await operators.CompleteMfaAsync(body.Value.MfaToken, body.Value.Code, body.Value.RecoveryCode, client.Info, cancellationToken));

    public static async Task<Ok<IReadOnlyList<ApplicationResponse>>> ListAsync(IApplicationAdministrationService apps, CancellationToken cancellationToken)
    {
        var list = await apps.ListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ApplicationResponse>>([.. list.Select(a => ApplicationResponse.From(a, withSettings: false))]);
    }

    public static async Task<Results<Created<ApplicationResponse>, ProblemHttpResult>> CreateAsync(
        JsonBody<ApplicationRequest> body, IApplicationAdministrationService apps, HttpContext http, CancellationToken cancellationToken)
    {
        ApplicationSettings? settings = null;
        if (body.Value.Settings is { } patch)
        {
            var merged = SettingsJson.Merge(new ApplicationSettings(), patch);
            if (!merged.Succeeded)
            {
                return merged.Error.ToProblem();
            }

            settings = merged.Value;
        }

        var created = await apps.CreateAsync(body.Value.Name, settings, cancellationToken);
        if (!created.Succeeded)
        {
            return created.Error.ToProblem();
        }

        var (application, publishableKey, secretKey) = created.Value;
        var keys = (await apps.ListKeysAsync(application.Id, cancellationToken)).Value ?? [];
        var shown = keys.Select(k => ApiKeyResponse.From(k, k.Kind == ApiKeyKind.Secret ? secretKey : publishableKey)).ToList();
        return TypedResults.Created($"{http.Request.PathBase}{http.Request.Path.Value?.TrimEnd('/')}/{application.Id}", ApplicationResponse.From(application, withSettings: true, shown));
    }

    public static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> GetAsync(
        string id, IApplicationAdministrationService apps, CancellationToken cancellationToken) =>
        Answer(await apps.GetAsync(id, cancellationToken));

    public static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> UpdateAsync(
        string id, JsonBody<ApplicationRequest> body, RequestClient client, IApplicationAdministrationService apps, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await apps.GetAsync(id, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }

        var patch = body.Value.Settings;
        return Answer(await apps.UpdateAsync(Operator(http, found.Value, client), body.Value.Name,
            patch is null ? null : current => SettingsJson.Merge(current, patch), cancellationToken));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, IApplicationAdministrationService apps, CancellationToken cancellationToken)
    {
        var result = await apps.DeleteAsync(id, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<IReadOnlyList<ApiKeyResponse>>, ProblemHttpResult>> ListKeysAsync(
        string id, IApplicationAdministrationService apps, CancellationToken cancellationToken)
    {
        var keys = await apps.ListKeysAsync(id, cancellationToken);
        return keys.Succeeded ? TypedResults.Ok<IReadOnlyList<ApiKeyResponse>>([.. keys.Value.Select(k => ApiKeyResponse.From(k))]) : keys.Error.ToProblem();
    }

    public static async Task<Results<Created<ApiKeyResponse>, ProblemHttpResult>> CreateKeyAsync(
        string id, JsonBody<CreateKeyRequest> body, RequestClient client, IApplicationAdministrationService apps, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await apps.GetAsync(id, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }

        ApiKeyKind? kind = body.Value.Kind switch { "publishable" => ApiKeyKind.Publishable, "secret" => ApiKeyKind.Secret, _ => null };
        if (kind is null)
        {
            return HttpErrors.InvalidKeyKind.ToProblem();
        }

        var created = await apps.CreateKeyAsync(Operator(http, found.Value, client), kind.Value, body.Value.Name, cancellationToken);
        return created.Succeeded
            ? TypedResults.Created((string?)null, ApiKeyResponse.From(created.Value.Key, created.Value.Value))
            : created.Error.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeKeyAsync(
        string id, string keyId, RequestClient client, IApplicationAdministrationService apps, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await apps.GetAsync(id, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }

        var revoked = await apps.RevokeKeyAsync(Operator(http, found.Value, client), keyId, cancellationToken);
        return revoked.Succeeded ? TypedResults.NoContent() : revoked.Error.ToProblem();
    }

    private static AdminActor Operator(HttpContext http, Application application, RequestClient client) =>
        AdminActor.ForOperator(application, http.User.FindFirst(Tokens.AccessTokenClaims.Subject)?.Value ?? "", client.Info);

    private static Results<Ok<ApplicationResponse>, ProblemHttpResult> Answer(Result<Application> result) =>
        result.Succeeded ? TypedResults.Ok(ApplicationResponse.From(result.Value, withSettings: true)) : result.Error.ToProblem();
}
