using System.Text.Json.Nodes;
using JwtAuthKit.Administration;
using JwtAuthKit.AspNetCore.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JwtAuthKit.AspNetCore.Endpoints;

/// <summary>An application's authentication settings (<c>/api/admin/settings</c>).</summary>
internal static class AdminSettingsHandlers
{
    public static async Task<JsonHttpResult<JsonNode>> GetAsync(AdminCaller caller, ISettingsAdministrationService settings, CancellationToken cancellationToken) =>
        TypedResults.Json(SettingsJson.Write(await settings.GetAsync(caller.Actor, cancellationToken)), SettingsJson.Options);

    public static async Task<Results<JsonHttpResult<JsonNode>, ProblemHttpResult>> UpdateAsync(
        AdminCaller caller, JsonBody<Contracts.SettingsPatchRequest> body, ISettingsAdministrationService settings, CancellationToken cancellationToken)
    {
        var result = await settings.UpdateAsync(caller.Actor, current => SettingsJson.Merge(current, body.Value.Fields), cancellationToken);
        return result.Succeeded ? TypedResults.Json(SettingsJson.Write(result.Value), SettingsJson.Options) : result.Error.ToProblem();
    }
}
