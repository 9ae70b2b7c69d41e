using JwtAuthKit.Users;

namespace JwtAuthKit.Sessions;

/// <summary>What a successful sign-in or refresh returns: the token pair and the user.</summary>
/// <param name="AccessToken">The signed JWT access token.</param>
/// <param name="ExpiresIn">Seconds until the access token expires.</param>
/// <param name="RefreshToken">The opaque refresh token.</param>
/// <param name="RefreshTokenExpiresIn">Seconds until the refresh token expires if unused.</param>
/// <param name="SessionId">The session the tokens belong to.</param>
/// <param name="User">The signed-in user.</param>
public sealed record AuthResult(string AccessToken, int ExpiresIn, string RefreshToken, int RefreshTokenExpiresIn, string SessionId, User User);
