using JwtAuthKit.Sessions;

namespace JwtAuthKit.Mfa;

/// <summary>A signed-in user's own second factor (<c>/mfa/totp/*</c>, <c>/mfa/recovery-codes</c>). Every change is audited.</summary>
public interface IMfaEnrollmentService
{
    /// <summary>Begins TOTP setup: a new secret, pending until <see cref="ConfirmTotpAsync"/>; replaces an unconfirmed one.</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The secret and its URI, or <c>conflict</c> when MFA is already on.</returns>
    Task<Result<TotpSetup>> BeginTotpSetupAsync(SignedInUser user, CancellationToken cancellationToken);

    /// <summary>Confirms setup with a current code: MFA is on from now, and ten recovery codes are made.</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="code">The six-digit code from the authenticator app.</param>
    /// <param name="client">Where the request came from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The recovery codes (shown once), or <c>invalid_mfa_code</c>, <c>conflict</c>.</returns>
    Task<Result<IReadOnlyList<string>>> ConfirmTotpAsync(SignedInUser user, string? code, ClientInfo client, CancellationToken cancellationToken);

    /// <summary>Turns MFA off after a current code or the password.</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="code">A current TOTP code, or <see langword="null"/>.</param>
    /// <param name="password">The password, or <see langword="null"/>.</param>
    /// <param name="client">Where the request came from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/>, or <c>invalid_mfa_code</c>, <c>invalid_credentials</c>, <c>validation_failed</c>, <c>conflict</c>.</returns>
    Task<Result<bool>> DisableAsync(SignedInUser user, string? code, string? password, ClientInfo client, CancellationToken cancellationToken);

    /// <summary>Makes a new set of recovery codes after a current code or the password; the old set stops working.</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="code">A current TOTP code, or <see langword="null"/>.</param>
    /// <param name="password">The password, or <see langword="null"/>.</param>
    /// <param name="client">Where the request came from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new codes (shown once), or the errors of <see cref="DisableAsync"/>.</returns>
    Task<Result<IReadOnlyList<string>>> RegenerateRecoveryCodesAsync(SignedInUser user, string? code, string? password, ClientInfo client, CancellationToken cancellationToken);
}
