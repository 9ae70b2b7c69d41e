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
        CurrentUser current, IUserProfileService profiles, CancellationToken cancellationToken) =>
        Answer(await profiles.GetAsync(current.User, cancellationToken));

    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> UpdateAsync(
        CurrentUser current, JsonBody<UpdateProfileRequest> body, IUserProfileService profiles, CancellationToken cancellationToken) =>
        Answer(body.Value.HasName
            ? await profiles.UpdateNameAsync(current.User, body.Value.Name, cancellationToken)
            : await profiles.GetAsync(current.User, cancellationToken));

    public static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(
        CurrentUser current, JsonBody<ChangePasswordRequest> body, RequestClient client, IPasswordChangeService passwords, CancellationToken cancellationToken)
    {
        var result = await passwords.ChangeAsync(current.User, body.Value.CurrentPassword, body.Value.NewPassword, client.Info, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : result.Error.ToProblem();
    }

    private static Results<Ok<UserResponse>, ProblemHttpResult> Answer(Result<User> result) =>
        result.Succeeded ? TypedResults.Ok(UserResponse.From(result.Value)) : result.Error.ToProblem();
}
