using JwtAuthKit.Applications;
using JwtAuthKit.Sessions;

namespace JwtAuthKit.OneTimeTokens;

/// <summary>Sign-in by a link sent by email (<c>/magic-link</c>, <c>/magic-link/verify</c>).</summary>
public interface IMagicLinkService
{
    /// <summary>
    /// Emails a sign-in link to an active account, or to a new address when sign-up is allowed; the answer is the
    /// same either way. The address is looked up after the call returns (in the background, while the host runs),
    /// so neither the answer nor its time depends on whether it has an account.
    /// </summary>
    /// <param name="application">The application.</param>
    /// <param name="email">The address as typed.</param>
    /// <param name="redirectTo">Where the link leads: one of the application's redirect URLs, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/>, or <c>method_disabled</c>, <c>invalid_redirect</c>, <c>invalid_email</c>.</returns>
    Task<Result<bool>> RequestAsync(Application application, string? email, string? redirectTo, CancellationToken cancellationToken);

    /// <summary>Signs in with a link token (single use, 15 minutes by default), creating the verified account when allowed.</summary>
    /// <param name="application">The application the caller named, if any; a link of another one is refused.</param>
    /// <param name="token">The token from the link.</param>
    /// <param name="client">Where the request came from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens or the MFA step, or <c>invalid_token</c>, <c>method_disabled</c>, <c>account_disabled</c>.</returns>
    Task<Result<SignInOutcome>> VerifyAsync(Application? application, string? token, ClientInfo client, CancellationToken cancellationToken);
}
