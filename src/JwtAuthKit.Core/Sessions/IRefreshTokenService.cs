using JwtAuthKit.Applications;

namespace JwtAuthKit.Sessions;

/// <summary>Exchanges refresh tokens for new token pairs (<c>POST /token/refresh</c>).</summary>
public interface IRefreshTokenService
{
    /// <summary>
    /// Rotates a refresh token (RFC 9700 §4.14.2): the answer holds a new one and the old one stops working.
    /// Concurrent refreshes with one token inside the grace window all receive the same successor; a rotated
    /// token presented after it revokes the whole session.
    /// </summary>
    /// <param name="expectedApplication">The application the caller named, if any; a token of another one is refused.</param>
    /// <param name="refreshToken">The refresh token.</param>
    /// <param name="client">Where the request came from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new tokens, or <c>invalid_refresh_token</c>, <c>refresh_token_reused</c>.</returns>
    Task<Result<AuthResult>> RefreshAsync(Application? expectedApplication, string? refreshToken, ClientInfo client, CancellationToken cancellationToken);
}
