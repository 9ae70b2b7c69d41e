using JwtAuthKit.Applications;
using JwtAuthKit.Sessions;

namespace JwtAuthKit.Passwords;

/// <summary>Signs users in with email and password (<c>POST /login</c>).</summary>
public interface IPasswordSignInService
{
    /// <summary>
    /// Checks the password and starts a session, or asks for the second factor of a user who has one. An unknown email and a wrong password give the same error after the
    /// same hashing work; account state (disabled, unverified) is told only after a correct password.
    /// </summary>
    /// <param name="application">The application signed into.</param>
    /// <param name="email">The address as typed.</param>
    /// <param name="password">The password.</param>
    /// <param name="client">Where the request came from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// The tokens or the MFA step, or <c>invalid_credentials</c>, <c>account_disabled</c>, <c>email_not_verified</c>,
    /// <c>method_disabled</c>, <c>validation_failed</c>.
    /// </returns>
    Task<Result<SignInOutcome>> SignInAsync(Application application, string? email, string? password, ClientInfo client, CancellationToken cancellationToken);
}
