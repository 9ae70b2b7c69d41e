using JwtAuthKit.Applications;

namespace JwtAuthKit.Users;

/// <summary>Reads and updates the signed-in user's own profile.</summary>
internal sealed class UserProfileService(IUserStore users, TimeProvider time)
{
    public async Task<Result<User>> GetAsync(Application application, string userId, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(application.Id, userId, cancellationToken) is { IsActive: true } user
            ? user
            : new JwtAuthKitError(JwtAuthKitErrors.Unauthorized, "Sign in again.");

    public async Task<Result<User>> UpdateAsync(Application application, string userId, string? name, CancellationToken cancellationToken)
    {
        if (name is { Length: > UserRegistrationService.MaxNameLength })
        {
            return JwtAuthKitErrors.Validation("name", $"must be at most {UserRegistrationService.MaxNameLength} characters");
        }

        var found = await GetAsync(application, userId, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        var user = found.Value;
        user.Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        user.UpdatedAt = time.GetUtcNow();
        return await users.UpdateAsync(user, cancellationToken)
            ? user
            : new JwtAuthKitError(JwtAuthKitErrors.Conflict, "The account changed at the same time; try again.");
    }
}
