namespace JwtAuthKit.Sessions;

/// <summary>A refresh token found by its hash, with its session.</summary>
/// <param name="Token">The refresh token.</param>
/// <param name="Session">Its session.</param>
public sealed record RefreshTokenMatch(RefreshToken Token, Session Session);
