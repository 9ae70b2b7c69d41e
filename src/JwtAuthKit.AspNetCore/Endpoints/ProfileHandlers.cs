using JwtAuthKit.AspNetCore.Contracts;
using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.Passwords;
using JwtAuthKit.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JwtAuthKit.AspNetCore.Endpoints;

/// <summary>The signed-in user's own profile and password.</summary>
internal static class ProfileHandlers
{
    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetAsync(
        CurrentUser current, UserProfileService profiles, CancellationToken cancellationToken)
    {
        var result = await profiles.GetAsync(current.Application, current.UserId, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(UserResponse.From(result.Value)) : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> UpdateAsync(
        CurrentUser current, JsonBody<UpdateProfileRequest> body, UserProfileService profiles, CancellationToken cancellationToken)
    {
        var result = body.Value.HasName
            ? await profiles.UpdateAsync(current.Application, current.UserId, body.Value.Name, cancellationToken)
            : await profiles.GetAsync(current.Application, current.UserId, cancellationToken);
        return result.Succeeded ? TypedResults.Ok(UserResponse.From(result.Value)) : result.Error.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(
        CurrentUser current, JsonBody<ChangePasswordRequest> body, PasswordChangeService passwords, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await passwords.ChangeAsync(current.Application, current.UserId, current.SessionId, body.Value.CurrentPassword, body.Value.NewPassword, SignInHandlers.Client(http), cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }
}
