using JwtAuthKit.Administration;
using JwtAuthKit.AspNetCore.Contracts;
using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace JwtAuthKit.AspNetCore.Endpoints;

/// <summary>An application's administration of its users (<c>/api/admin/users</c>).</summary>
internal static class AdminUserHandlers
{
    public static async Task<Results<Ok<PageResponse<UserResponse>>, ProblemHttpResult>> SearchAsync(
        AdminCaller caller, IUserAdministrationService users, [FromQuery] string? query, [FromQuery] string? page,
        [FromQuery(Name = "page_size")] string? pageSize, CancellationToken cancellationToken)
    {
        var paging = Paging.Parse(page, pageSize);
        if (!paging.Succeeded)
        {
            return paging.Error.ToProblem();
        }

        var found = await users.SearchAsync(caller.Actor, query, paging.Value, cancellationToken);
        return TypedResults.Ok(PageResponse<UserResponse>.From(found, UserResponse.From));
    }

    public static async Task<Results<Created<UserResponse>, ProblemHttpResult>> CreateAsync(
        AdminCaller caller, JsonBody<CreateUserRequest> body, IUserAdministrationService users, CancellationToken cancellationToken)
    {
        var request = body.Value;
        var result = await users.CreateAsync(caller.Actor, new NewUser(request.Email, request.Password, request.Name, request.Roles, request.EmailVerified), cancellationToken);
        return result.Succeeded ? TypedResults.Created((string?)null, UserResponse.From(result.Value)) : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetAsync(
        AdminCaller caller, string id, IUserAdministrationService users, CancellationToken cancellationToken) =>
        Answer(await users.GetAsync(caller.Actor, id, cancellationToken));

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> UpdateAsync(
        AdminCaller caller, string id, JsonBody<UpdateUserRequest> body, IUserAdministrationService users, CancellationToken cancellationToken)
    {
        var request = body.Value;
        return Answer(await users.UpdateAsync(caller.Actor, id, new UserChanges(request.HasName, request.Name, request.IsActive, request.EmailVerified), cancellationToken));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        AdminCaller caller, string id, IUserAdministrationService users, CancellationToken cancellationToken) =>
        NoContent(await users.DeleteAsync(caller.Actor, id, cancellationToken));

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> SetRolesAsync(
        AdminCaller caller, string id, JsonBody<SetRolesRequest> body, IUserAdministrationService users, CancellationToken cancellationToken) =>
        Answer(await users.SetRolesAsync(caller.Actor, id, body.Value.Roles, cancellationToken));

    public static async Task<Results<Accepted, ProblemHttpResult>> SendPasswordResetAsync(
        AdminCaller caller, string id, IUserAdministrationService users, CancellationToken cancellationToken)
    {
        var result = await users.SendPasswordResetAsync(caller.Actor, id, cancellationToken);
        return result.Succeeded ? TypedResults.Accepted((string?)null) : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<SessionListResponse>, ProblemHttpResult>> ListSessionsAsync(
        AdminCaller caller, string id, IUserAdministrationService users, CancellationToken cancellationToken)
    {
        var listed = await users.ListSessionsAsync(caller.Actor, id, cancellationToken);
        return listed.Succeeded
            ? TypedResults.Ok(new SessionListResponse([.. listed.Value.Select(s => SessionResponse.From(s, ""))]))
            : listed.Error.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeSessionsAsync(
        AdminCaller caller, string id, IUserAdministrationService users, CancellationToken cancellationToken) =>
        NoContent(await users.RevokeSessionsAsync(caller.Actor, id, cancellationToken));

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveMfaAsync(
        AdminCaller caller, string id, IUserAdministrationService users, CancellationToken cancellationToken) =>
        NoContent(await users.RemoveMfaAsync(caller.Actor, id, cancellationToken));

    private static Results<Ok<UserResponse>, ProblemHttpResult> Answer(Result<User> result) =>
        result.Succeeded ? TypedResults.Ok(UserResponse.From(result.Value)) : result.Error.ToProblem();

    private static Results<NoContent, ProblemHttpResult> NoContent(Result<bool> result) =>
        result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
}
