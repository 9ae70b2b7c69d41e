using JwtAuthKit.Administration;
using JwtAuthKit.AspNetCore.Contracts;
using JwtAuthKit.AspNetCore.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace JwtAuthKit.AspNetCore.Endpoints;

/// <summary>An application's administration of its users (<c>/api/admin/users</c>).</summary>
internal static class AdminUserHandlers
{
    public static async Task<Results<Ok<PageResponse<UserResponse>>, ProblemHttpResult>> SearchAsync(
        AdminCaller caller, UserAdministrationService users, [FromQuery] string? query, [FromQuery] string? page,
        [FromQuery(Name = "page_size")] string? pageSize, CancellationToken cancellationToken)
    {
        var paging = Paging.Parse(page, pageSize);
        if (!paging.Succeeded)
        {
            return paging.Error.ToProblem();
        }

        var (number, size) = paging.Value;
        var (items, total) = await users.SearchAsync(caller.Actor, query, number, size, cancellationToken);
        return TypedResults.Ok(new PageResponse<UserResponse> { Items = [.. items.Select(UserResponse.From)], Total = total, Page = number, PageSize = size });
    }

    public static async Task<Results<Created<UserResponse>, ProblemHttpResult>> CreateAsync(
        AdminCaller caller, JsonBody<CreateUserRequest> body, UserAdministrationService users, CancellationToken cancellationToken)
    {
        var request = body.Value;
        var result = await users.CreateAsync(caller.Actor, request.Email, request.Password, request.Name, request.Roles, request.EmailVerified, cancellationToken);
        return result.Succeeded ? TypedResults.Created((string?)null, UserResponse.From(result.Value)) : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetAsync(
        AdminCaller caller, string id, UserAdministrationService users, CancellationToken cancellationToken) =>
        Answer(await users.GetAsync(caller.Actor, id, cancellationToken));

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> UpdateAsync(
        AdminCaller caller, string id, JsonBody<UpdateUserRequest> body, UserAdministrationService users, CancellationToken cancellationToken)
    {
        var request = body.Value;
        return Answer(await users.UpdateAsync(caller.Actor, id, new UserChanges(request.HasName, request.Name, request.IsActive, request.EmailVerified), cancellationToken));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        AdminCaller caller, string id, UserAdministrationService users, CancellationToken cancellationToken)
    {
        var result = await users.DeleteAsync(caller.Actor, id, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> SetRolesAsync(
        AdminCaller caller, string id, JsonBody<SetRolesRequest> body, UserAdministrationService users, CancellationToken cancellationToken) =>
        Answer(await users.SetRolesAsync(caller.Actor, id, body.Value.Roles, cancellationToken));

    public static async Task<Results<Accepted, ProblemHttpResult>> SendPasswordResetAsync(
        AdminCaller caller, string id, UserAdministrationService users, CancellationToken cancellationToken)
    {
        var result = await users.SendPasswordResetAsync(caller.Actor, id, cancellationToken);
        return result.Succeeded ? TypedResults.Accepted((string?)null) : result.Error.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeSessionsAsync(
        AdminCaller caller, string id, UserAdministrationService users, CancellationToken cancellationToken)
    {
        var result = await users.RevokeSessionsAsync(caller.Actor, id, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    private static Results<Ok<UserResponse>, ProblemHttpResult> Answer(Result<Users.User> result) =>
        result.Succeeded ? TypedResults.Ok(UserResponse.From(result.Value)) : result.Error.ToProblem();
}
