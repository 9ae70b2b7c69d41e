using JwtAuthKit.Applications;
using JwtAuthKit.Sessions;

namespace JwtAuthKit.Users;

/// <summary>Signs users up with email and password (<c>POST /register</c>).</summary>
public interface IUserRegistrationService
{
    /// <summary>
    /// Creates a user with the application's default role, queues the verification email, and signs the user in at
    /// once unless the application requires a verified address first.
    /// </summary>
    /// <param name="application">The application the user joins.</param>
    /// <param name="email">The address as typed.</param>
    /// <param name="password">The password, checked against the password policy.</param>
    /// <param name="name">An optional display name.</param>
    /// <param name="client">Where the request came from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// The user and, when allowed, tokens; or <c>signup_disabled</c>, <c>method_disabled</c>, <c>invalid_email</c>,
    /// <c>weak_password</c>, <c>validation_failed</c>, <c>email_taken</c>.
    /// </returns>
    Task<Result<Registration>> RegisterAsync(Application application, string? email, string? password, string? name, ClientInfo client, CancellationToken cancellationToken);
}
