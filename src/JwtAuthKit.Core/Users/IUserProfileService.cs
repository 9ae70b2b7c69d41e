using JwtAuthKit.Sessions;

namespace JwtAuthKit.Users;

/// <summary>The signed-in user's own profile (<c>GET|PATCH /me</c>).</summary>
public interface IUserProfileService
{
    /// <summary>Reads the signed-in user.</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user, or <c>unauthorized</c> when the account is gone or disabled.</returns>
    Task<Result<User>> GetAsync(SignedInUser user, CancellationToken cancellationToken);

    /// <summary>Changes the display name; <see langword="null"/> or blank clears it.</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="name">The new name, at most 200 characters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changed user, or <c>validation_failed</c>, <c>unauthorized</c>, <c>conflict</c>.</returns>
    Task<Result<User>> UpdateNameAsync(SignedInUser user, string? name, CancellationToken cancellationToken);
}
