using JwtAuthKit.Applications;

namespace JwtAuthKit.Sessions;

/// <summary>A user's own sessions: list them, end one, sign out (<c>/sessions</c>, <c>/logout</c>).</summary>
public interface IUserSessionService
{
    /// <summary>Lists the user's sessions that are neither ended nor expired, newest first.</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The sessions.</returns>
    Task<IReadOnlyList<Session>> ListAsync(SignedInUser user, CancellationToken cancellationToken);

    /// <summary>Ends one of the user's own sessions; another user's session is "not found".</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="sessionId">The session to end.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/>, or <c>not_found</c>.</returns>
    Task<Result<bool>> EndAsync(SignedInUser user, string sessionId, CancellationToken cancellationToken);

    /// <summary>Signs out the session the user is signed in on, or every session of the user.</summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="allSessions">Whether to end every session of the user.</param>
    /// <param name="client">Where the request came from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task SignOutAsync(SignedInUser user, bool allSessions, ClientInfo client, CancellationToken cancellationToken);

    /// <summary>
    /// Signs out the session of a refresh token (or every session of its user). An unknown token, or one of another
    /// application than <paramref name="application"/>, is ignored: sign-out is idempotent.
    /// </summary>
    /// <param name="application">The application the caller named, if any.</param>
    /// <param name="refreshToken">The refresh token of the session.</param>
    /// <param name="allSessions">Whether to end every session of the user.</param>
    /// <param name="client">Where the request came from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task SignOutByRefreshTokenAsync(Application? application, string refreshToken, bool allSessions, ClientInfo client, CancellationToken cancellationToken);
}
