using JwtAuthKit.Sessions;

namespace JwtAuthKit.Users;

internal sealed class UserProfileService(IUserStore users, TimeProvider time) : IUserProfileService
{
    public async Task<Result<User>> GetAsync(SignedInUser user, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(user.Application.Id, user.UserId, cancellationToken) is { IsActive: true } found
            ? found
            : Errors.SignInAgain;

    public async Task<Result<User>> UpdateNameAsync(SignedInUser user, string? name, CancellationToken cancellationToken)
    {
        if (name is { Length: > User.MaxNameLength })
        {
            return Errors.NameTooLong(User.MaxNameLength);
        }

        var found = await GetAsync(user, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        var current = found.Value;
        current.Name = User.CleanName(name);
        current.UpdatedAt = time.GetUtcNow();
        return await users.UpdateAsync(current, cancellationToken) ? current : Errors.ChangedConcurrently;
    }
}
