using JwtAuthKit.Sessions;
using JwtAuthKit.Users;

namespace JwtAuthKit.Platform;

/// <summary>
/// Operator accounts of the deployment (the dashboard's and <c>/api/platform</c>'s): users of the reserved
/// <see cref="Applications.PlatformApplication"/> holding its <c>admin</c> role.
/// </summary>
public interface IOperatorAccountService
{
    /// <summary>Creates an operator, creating the operators' application the first time.</summary>
    /// <param name="email">The operator's address.</param>
    /// <param name="password">The password (at least 12 characters, not a common one).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The operator, or <c>validation_failed</c>, <c>invalid_email</c>, <c>weak_password</c>, <c>email_taken</c>, <c>conflict</c>.</returns>
    Task<Result<User>> CreateAsync(string? email, string? password, CancellationToken cancellationToken);

    /// <summary>Signs an operator in with email and password.</summary>
    /// <param name="email">The address.</param>
    /// <param name="password">The password.</param>
    /// <param name="client">Where the request came from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens or the MFA step, or <c>invalid_credentials</c> and the other sign-in errors.</returns>
    Task<Result<SignInOutcome>> SignInAsync(string? email, string? password, ClientInfo client, CancellationToken cancellationToken);

    /// <summary>Finishes an operator's two-step sign-in with a TOTP or recovery code.</summary>
    /// <param name="mfaToken">The token of the first step.</param>
    /// <param name="code">A TOTP code, or <see langword="null"/>.</param>
    /// <param name="recoveryCode">A recovery code, or <see langword="null"/>.</param>
    /// <param name="client">Where the request came from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens, or <c>invalid_mfa_token</c>, <c>invalid_mfa_code</c>.</returns>
    Task<Result<AuthResult>> CompleteMfaAsync(string? mfaToken, string? code, string? recoveryCode, ClientInfo client, CancellationToken cancellationToken);
}
