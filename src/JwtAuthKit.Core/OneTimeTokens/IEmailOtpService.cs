using JwtAuthKit.Applications;
using JwtAuthKit.Sessions;

namespace JwtAuthKit.OneTimeTokens;

/// <summary>Sign-in by a six-digit code sent by email (<c>/otp</c>, <c>/otp/verify</c>).</summary>
public interface IEmailOtpService
{
    /// <summary>
    /// Emails a sign-in code to an active account, or to a new address when sign-up is allowed; the answer is the
    /// same either way. The address is looked up after the call returns (in the background, while the host runs),
    /// so neither the answer nor its time depends on whether it has an account.
    /// </summary>
    /// <param name="application">The application.</param>
    /// <param name="email">The address as typed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/>, or <c>method_disabled</c>, <c>invalid_email</c>.</returns>
    Task<Result<bool>> RequestAsync(Application application, string? email, CancellationToken cancellationToken);

    /// <summary>Signs in with an emailed code (10 minutes, 5 tries by default), creating the verified account when allowed.</summary>
    /// <param name="application">The application.</param>
    /// <param name="email">The address the code was sent to.</param>
    /// <param name="code">The six digits.</param>
    /// <param name="client">Where the request came from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens, or <c>invalid_token</c>, <c>method_disabled</c>, <c>account_disabled</c>.</returns>
    Task<Result<SignInOutcome>> VerifyAsync(Application application, string? email, string? code, ClientInfo client, CancellationToken cancellationToken);
}
