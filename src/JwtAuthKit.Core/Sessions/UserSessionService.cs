using System.Globalization;
using JwtAuthKit.Applications;
using JwtAuthKit.Audit;

namespace JwtAuthKit.Sessions;

internal sealed class UserSessionService(ISessionStore sessions, SessionRevoker revoker, AuditLog audit, TimeProvider time) : IUserSessionService
{
    private const int MaxIdLength = 64;

    public Task<IReadOnlyList<Session>> ListAsync(SignedInUser user, CancellationToken cancellationToken) =>
        sessions.ListActiveAsync(user.Application.Id, user.UserId, time.GetUtcNow(), cancellationToken);

    public async Task<Result<bool>> EndAsync(SignedInUser user, string sessionId, CancellationToken cancellationToken)
    {
        var session = sessionId.Length <= MaxIdLength ? await sessions.FindAsync(user.Application.Id, sessionId, cancellationToken) : null;
        if (session is null || session.UserId != user.UserId)
        {
            return Errors.SessionNotFound;
        }

        await revoker.RevokeOneAsync(user.Application.Id, user.UserId, sessionId, SessionRevocationReason.EndedByUser, cancellationToken);
        return true;
    }

    public Task SignOutAsync(SignedInUser user, bool allSessions, ClientInfo client, CancellationToken cancellationToken) =>
        SignOutAsync(user.Application.Id, user.UserId, user.SessionId, allSessions, client, cancellationToken);

    public async Task SignOutByRefreshTokenAsync(Application? application, string refreshToken, bool allSessions, ClientInfo client, CancellationToken cancellationToken)
    {
        if (refreshToken.Length > RefreshTokenRotator.MaxTokenLength
            || await sessions.FindRefreshTokenAsync(SecretTokens.Hash(refreshToken), cancellationToken) is not { } match
            || (application is not null && match.Session.ApplicationId != application.Id))
        {
            return;
        }

        await SignOutAsync(match.Session.ApplicationId, match.Session.UserId, match.Session.Id, allSessions, client, cancellationToken);
    }

    private async Task SignOutAsync(string applicationId, string userId, string sessionId, bool allSessions, ClientInfo client, CancellationToken cancellationToken)
    {
        var ended = allSessions
            ? await revoker.RevokeAllAsync(applicationId, userId, null, SessionRevocationReason.Logout, cancellationToken)
            : await revoker.RevokeOneAsync(applicationId, userId, sessionId, SessionRevocationReason.Logout, cancellationToken);
        if (ended.Count > 0)
        {
            await audit.RecordAsync(applicationId, AuditEventTypes.SignOut, userId, null, client,
                new Dictionary<string, string> { ["sessions"] = ended.Count.ToString(CultureInfo.InvariantCulture) }, cancellationToken);
        }
    }
}
