using JwtAuthKit.Applications;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;

namespace JwtAuthKit.OneTimeTokens;

/// <summary>Proves that users own their address (<c>/email/verify</c>, <c>/email/resend</c>).</summary>
public interface IEmailVerificationService
{
    /// <summary>Emails a new verification link when the address has an unverified account; the answer is the same either way.
    /// The address is looked up after the call returns (in the background, while the host runs), so neither the answer
    /// nor its time depends on whether it has an account.</summary>
    /// <param name="application">The application.</param>
    /// <param name="email">The address as typed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/>, or <c>invalid_email</c>.</returns>
    Task<Result<bool>> ResendAsync(Application application, string? email, CancellationToken cancellationToken);

    /// <summary>Marks the address verified with an emailed link token (single use).</summary>
    /// <param name="application">The application the caller named, if any; a link of another one is refused.</param>
    /// <param name="token">The token from the link.</param>
    /// <param name="client">Where the request came from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user, or <c>invalid_token</c>, <c>conflict</c>.</returns>
    Task<Result<User>> VerifyAsync(Application? application, string? token, ClientInfo client, CancellationToken cancellationToken);
}
