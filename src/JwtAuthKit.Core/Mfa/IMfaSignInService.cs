using JwtAuthKit.Applications;
using JwtAuthKit.Sessions;

namespace JwtAuthKit.Mfa;

/// <summary>The second step of a sign-in (<c>POST /login/mfa</c>).</summary>
public interface IMfaSignInService
{
    /// <summary>
    /// Finishes a sign-in with the <c>mfa_token</c> of its first step and a TOTP code (accepted once, one step of drift)
    /// or a recovery code (single use). Five codes per token: after them the token has ended.
    /// </summary>
    /// <param name="application">The application the caller named, if any; a token of another one is refused.</param>
    /// <param name="mfaToken">The token of the first step.</param>
    /// <param name="code">A TOTP code, or <see langword="null"/>.</param>
    /// <param name="recoveryCode">A recovery code, or <see langword="null"/>.</param>
    /// <param name="client">Where the request came from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tokens (<c>amr</c> with <c>mfa</c>), or <c>invalid_mfa_token</c>, <c>invalid_mfa_code</c>, <c>account_disabled</c>, <c>validation_failed</c>.</returns>
    Task<Result<AuthResult>> CompleteAsync(Application? application, string? mfaToken, string? code, string? recoveryCode, ClientInfo client, CancellationToken cancellationToken);
}
