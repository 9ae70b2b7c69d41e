using JwtAuthKit.Applications;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;

namespace JwtAuthKit.OneTimeTokens;

/// <summary>Forgotten passwords: the emailed reset link and the reset itself (<c>/password/forgot</c>, <c>/password/reset</c>).</summary>
public interface IPasswordResetService
{
    /// <summary>Emails a reset link when the address has an active account; the answer is the same either way.
    /// The address is looked up after the call returns (in the background, while the host runs), so neither the answer
    /// nor its time depends on whether it has an account.</summary>
    /// <param name="application">The application.</param>
    /// <param name="email">The address as typed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/>, or <c>invalid_email</c> for an address that cannot exist.</returns>
    Task<Result<bool>> RequestAsync(Application application, string? email, CancellationToken cancellationToken);

    /// <summary>
    /// Sets a new password with an emailed link token (single use), marks the address verified and ends every session
    /// of the user (OWASP ASVS 2.5). The password is checked before the link is spent.
    /// </summary>
    /// <param name="application">The application the caller named, if any; a link of another one is refused.</param>
    /// <param name="token">The token from the link.</param>
    /// <param name="newPassword">The new password.</param>
    /// <param name="client">Where the request came from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user, or <c>invalid_token</c>, <c>weak_password</c>, <c>conflict</c>.</returns>
    Task<Result<User>> ResetAsync(Application? application, string? token, string? newPassword, ClientInfo client, CancellationToken cancellationToken);
}
