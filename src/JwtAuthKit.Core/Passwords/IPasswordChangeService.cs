using JwtAuthKit.Sessions;
using JwtAuthKit.Users;

namespace JwtAuthKit.Passwords;

/// <summary>Changes a signed-in user's password (<c>POST /password/change</c>).</summary>
public interface IPasswordChangeService
{
    /// <summary>
    /// Checks the current password, sets the new one, ends every other session of the user (OWASP ASVS 3.3.3) and
    /// emails a notice.
    /// </summary>
    /// <param name="user">The signed-in user; this session stays.</param>
    /// <param name="currentPassword">The current password.</param>
    /// <param name="newPassword">The new password, checked against the policy.</param>
    /// <param name="client">Where the request came from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user, or <c>validation_failed</c> (<c>current_password</c>), <c>weak_password</c>, <c>unauthorized</c>, <c>conflict</c>.</returns>
    Task<Result<User>> ChangeAsync(SignedInUser user, string? currentPassword, string? newPassword, ClientInfo client, CancellationToken cancellationToken);
}
