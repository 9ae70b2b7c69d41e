using JwtAuthKit.Administration;
using JwtAuthKit.AspNetCore.Contracts;
using JwtAuthKit.AspNetCore.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JwtAuthKit.AspNetCore.Endpoints;

/// <summary>An application's administration of its roles (<c>/api/admin/roles</c>).</summary>
internal static class AdminRoleHandlers
{
    public static async Task<Ok<IReadOnlyList<RoleResponse>>> ListAsync(AdminCaller caller, IRoleAdministrationService roles, CancellationToken cancellationToken)
    {
        var list = await roles.ListAsync(caller.Actor, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RoleResponse>>([.. list.Select(RoleResponse.From)]);
    }

    public static async Task<Results<Created<RoleResponse>, ProblemHttpResult>> CreateAsync(
        AdminCaller caller, JsonBody<RoleRequest> body, IRoleAdministrationService roles, CancellationToken cancellationToken)
    {
        var result = await roles.CreateAsync(caller.Actor, new RoleDefinition(body.Value.Name, body.Value.Description, body.Value.Permissions), cancellationToken);
        return result.Succeeded ? TypedResults.Created((string?)null, RoleResponse.From(result.Value)) : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<RoleResponse>, ProblemHttpResult>> GetAsync(
        AdminCaller caller, string name, IRoleAdministrationService roles, CancellationToken cancellationToken)
    {
        var result = await roles.GetAsync(caller.Actor, name, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(RoleResponse.From(result.Value)) : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<RoleResponse>, ProblemHttpResult>> UpdateAsync(
        AdminCaller caller, string name, JsonBody<RoleRequest> body, IRoleAdministrationService roles, CancellationToken cancellationToken)
    {
        var result = await roles.UpdateAsync(caller.Actor, name, body.Value.Description, body.Value.Permissions, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(RoleResponse.From(result.Value)) : result.Error.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        AdminCaller caller, string name, IRoleAdministrationService roles, CancellationToken cancellationToken)
    {
        var result = await roles.DeleteAsync(caller.Actor, name, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }
}
