using JwtAuthKit.Users;

namespace JwtAuthKit.Sessions;

/// <summary>What a successful sign-in or refresh returns: the token pair and the user.</summary>
/// <param name="AccessToken">The signed JWT access token.</param>
/// <param name="ExpiresIn">Seconds until the access token expires.</param>
/// <param name="RefreshToken">The opaque refresh token.</param>
/// <param name="RefreshTokenExpiresIn">Seconds until the refresh token expires if unused.</param>
/// <param name="SessionId">The session the tokens belong to.</param>
/// <param name="User">The signed-in user.</param>
/// <param name="MfaEnrollmentRequired">
/// Whether the user holds a role of the application's <c>mfa_required_roles</c> without a second factor: the token
/// leaves those roles out until the user enrols and signs in with MFA.
/// </param>
public sealed record AuthResult(string AccessToken, int ExpiresIn, string RefreshToken, int RefreshTokenExpiresIn, string SessionId, User User, bool MfaEnrollmentRequired = false);
