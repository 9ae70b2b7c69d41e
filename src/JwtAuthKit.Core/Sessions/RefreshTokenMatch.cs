using JwtAuthKit.Users;

namespace JwtAuthKit.Sessions;

/// <summary>A refresh token found by its hash, with its session.</summary>
/// <param name="Token">The refresh token.</param>
/// <param name="Session">Its session.</param>
public sealed record RefreshTokenMatch(RefreshToken Token, Session Session)
{
    /// <summary>
    /// The session's user, when the store read it in the same query (the EF store does, saving the refresh a round
    /// trip); <see langword="null"/> when the store did not, and then the refresh reads it from <see cref="IUserStore"/>.
    /// </summary>
    public User? User { get; init; }
}
