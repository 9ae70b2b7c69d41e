using JwtAuthKit.Applications;
using JwtAuthKit.Sessions;

namespace JwtAuthKit.Platform;

/// <summary>
/// Dashboard accounts that are not operators: self-service sign-up (when <see cref="DashboardOptions.SignupEnabled"/>),
/// accounts made by accepting an invitation, and applications created from the dashboard with their creator as owner.
/// Accounts sign in like operators (<see cref="IOperatorAccountService.SignInAsync"/>: both are users of the platform
/// application).
/// </summary>
public interface IDashboardAccountService
{
    /// <summary>
    /// Creates a dashboard account and queues its verification email; the account cannot be used
    /// (<see cref="IPlatformAccessService.ResolveAsync"/> refuses it) until the address is verified. Enumeration-safe: for
    /// an address that already has an account nothing is created, the owner gets a notice, and the answer is the same.
    /// </summary>
    /// <param name="email">The address.</param>
    /// <param name="password">The password (at least 12 characters, not a common one).</param>
    /// <param name="client">Where the request came from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/>, or <c>signup_disabled</c>, <c>invalid_email</c>, <c>weak_password</c>, <c>validation_failed</c>.</returns>
    Task<Result<bool>> SignUpAsync(string? email, string? password, ClientInfo client, CancellationToken cancellationToken);

    /// <summary>
    /// Creates an account for the invited address and accepts the invitation with it, in one step: the invitation proves
    /// the address, so the account starts verified. The caller then signs it in with the password.
    /// </summary>
    /// <param name="token">The invitation link's token.</param>
    /// <param name="password">The new account's password (at least 12 characters, not a common one).</param>
    /// <param name="client">Where the request came from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The membership, or <c>invalid_token</c>, <c>weak_password</c>, <c>validation_failed</c>, <c>email_taken</c> (sign in and accept instead).</returns>
    Task<Result<ApplicationMember>> CreateAccountFromInvitationAsync(string? token, string? password, ClientInfo client, CancellationToken cancellationToken);

    /// <summary>
    /// Creates an application with default settings and its first keys (values shown once), with the actor as its owner.
    /// Operators may always create; other accounts only while <see cref="DashboardOptions.SignupEnabled"/> is on.
    /// </summary>
    /// <param name="actor">The account.</param>
    /// <param name="name">A unique name, at most 100 characters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The application and its key values, or <c>forbidden</c>, <c>validation_failed</c>, <c>conflict</c>, <c>mfa_enrollment_required</c>.</returns>
    Task<Result<CreatedApplication>> CreateApplicationAsync(PlatformActor actor, string? name, CancellationToken cancellationToken);

    /// <summary>As <see cref="CreateApplicationAsync(PlatformActor, string?, CancellationToken)"/>, with settings (<c>POST /api/platform/apps</c>).</summary>
    /// <param name="actor">The account.</param>
    /// <param name="name">A unique name, at most 100 characters.</param>
    /// <param name="settings">Its settings; the defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The application and its key values, or <c>forbidden</c>, <c>validation_failed</c>, <c>conflict</c>, <c>mfa_enrollment_required</c>.</returns>
    Task<Result<CreatedApplication>> CreateApplicationAsync(PlatformActor actor, string? name, ApplicationSettings? settings, CancellationToken cancellationToken);
}
