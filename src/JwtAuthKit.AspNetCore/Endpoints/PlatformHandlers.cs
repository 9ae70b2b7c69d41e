using JwtAuthKit.Administration;
using JwtAuthKit.Applications;
using JwtAuthKit.AspNetCore.Contracts;
using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.Platform;
using JwtAuthKit.Roles;
using JwtAuthKit.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JwtAuthKit.AspNetCore.Endpoints;

/// <summary>The operators' API (<c>/api/platform</c>): sign-in, applications and their keys.</summary>
internal static class PlatformHandlers
{
    public static async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> LoginAsync(
        JsonBody<LoginRequest> body, OperatorAccounts operators, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await operators.SignInAsync(body.Value.Email, body.Value.Password, SignInHandlers.Client(http), cancellationToken);
        return result.Succeeded ? TypedResults.Ok(AuthResponse.From(result.Value)) : result.Error.ToProblem();
    }

    public static async Task<Ok<IReadOnlyList<ApplicationResponse>>> ListAsync(ApplicationAdministrationService apps, CancellationToken cancellationToken)
    {
        var list = await apps.ListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ApplicationResponse>>([.. list.Select(a => ApplicationResponse.From(a, withSettings: false))]);
    }

    public static async Task<Results<Created<ApplicationResponse>, ProblemHttpResult>> CreateAsync(
        JsonBody<ApplicationRequest> body, ApplicationAdministrationService apps, HttpContext http, CancellationToken cancellationToken)
    {
        ApplicationSettings? settings = null;
        if (body.Value.Settings is { } patch)
        {
            var merged = SettingsJson.Merge(new ApplicationSettings(), patch);
            if (!merged.Succeeded)
            {
                return merged.Error.ToProblem();
            }

            settings = merged.Value.Settings;
        }

        var created = await apps.CreateAsync(body.Value.Name, settings, cancellationToken);
        if (!created.Succeeded)
        {
            return created.Error.ToProblem();
        }

        var application = created.Value.Application;
        var keys = (await apps.ListKeysAsync(application.Id, cancellationToken)).Value!;
        var shown = keys.Select(k => ApiKeyResponse.From(k, k.Kind == ApiKeyKind.Secret ? created.Value.SecretKey : created.Value.PublishableKey)).ToList();
        return TypedResults.Created($"{http.Request.PathBase}{http.Request.Path.Value?.TrimEnd('/')}/{application.Id}", ApplicationResponse.From(application, withSettings: true, shown));
    }

    public static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> GetAsync(
        string id, ApplicationAdministrationService apps, CancellationToken cancellationToken)
    {
        var found = await apps.GetAsync(id, cancellationToken);
        return found.Succeeded ? TypedResults.Ok(ApplicationResponse.From(found.Value, withSettings: true)) : found.Error.ToProblem();
    }

    public static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> UpdateAsync(
        string id, JsonBody<ApplicationRequest> body, ApplicationAdministrationService apps, SettingsAdministrationService settings, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await apps.GetAsync(id, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }

        var application = found.Value;

        // Check the name first: a refused request must leave the settings as they were.
        if (body.Value.Name is { } newName && await apps.CheckRenameAsync(id, newName, cancellationToken) is { } refused)
        {
            return refused.ToProblem();
        }

        if (body.Value.Settings is { } patch)
        {
            var changed = await settings.UpdateAsync(Operator(http, application), current => SettingsJson.Merge(current, patch), cancellationToken);
            if (!changed.Succeeded)
            {
                return changed.Error.ToProblem();
            }
        }

        if (body.Value.Name is { } name)
        {
            var renamed = await apps.RenameAsync(id, name, cancellationToken);
            if (!renamed.Succeeded)
            {
                return renamed.Error.ToProblem();
            }
        }

        var saved = await apps.GetAsync(id, cancellationToken);
        return saved.Succeeded ? TypedResults.Ok(ApplicationResponse.From(saved.Value, withSettings: true)) : saved.Error.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, ApplicationAdministrationService apps, CancellationToken cancellationToken)
    {
        var result = await apps.DeleteAsync(id, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<IReadOnlyList<ApiKeyResponse>>, ProblemHttpResult>> ListKeysAsync(
        string id, ApplicationAdministrationService apps, CancellationToken cancellationToken)
    {
        var keys = await apps.ListKeysAsync(id, cancellationToken);
        return keys.Succeeded ? TypedResults.Ok<IReadOnlyList<ApiKeyResponse>>([.. keys.Value!.Select(k => ApiKeyResponse.From(k))]) : keys.Error.ToProblem();
    }

    public static async Task<Results<Created<ApiKeyResponse>, ProblemHttpResult>> CreateKeyAsync(
        string id, JsonBody<CreateKeyRequest> body, ApplicationAdministrationService apps, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await apps.GetAsync(id, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }

        var created = await apps.CreateKeyAsync(Operator(http, found.Value), body.Value.Kind, body.Value.Name, cancellationToken);
        return created.Succeeded
            ? TypedResults.Created((string?)null, ApiKeyResponse.From(created.Value.Key, created.Value.Value))
            : created.Error.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeKeyAsync(
        string id, string keyId, ApplicationAdministrationService apps, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await apps.GetAsync(id, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error.ToProblem();
        }

        var revoked = await apps.RevokeKeyAsync(Operator(http, found.Value), keyId, cancellationToken);
        return revoked.Succeeded ? TypedResults.NoContent() : revoked.Error.ToProblem();
    }

    private static AdminActor Operator(HttpContext http, Application application) =>
        new(application, "operator:" + http.User.FindFirst(AccessTokenClaims.Subject)?.Value, new HashSet<string> { BuiltInRoles.AllPermissions }, SignInHandlers.Client(http));
}
