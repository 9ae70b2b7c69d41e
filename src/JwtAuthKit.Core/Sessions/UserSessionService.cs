using JwtAuthKit.Applications;

namespace JwtAuthKit.Sessions;

/// <summary>Lets a signed-in user see and end their own sessions, and sign out.</summary>
internal sealed class UserSessionService(ISessionStore sessions, SessionRevoker revoker, Audit.AuditLog audit, TimeProvider time)
{
    public Task<IReadOnlyList<Session>> ListAsync(Application application, string userId, CancellationToken cancellationToken) =>
        sessions.ListActiveAsync(application.Id, userId, time.GetUtcNow(), cancellationToken);

    /// <summary>Ends one of the user's sessions; another user's session is reported as not found.</summary>
    public async Task<Result<bool>> EndAsync(Application application, string userId, string sessionId, CancellationToken cancellationToken)
    {
        var session = sessionId.Length <= 64 ? await sessions.FindAsync(application.Id, sessionId, cancellationToken) : null;
        if (session is null || session.UserId != userId)
        {
            return new JwtAuthKitError(JwtAuthKitErrors.NotFound, "No such session.");
        }

        await revoker.RevokeOneAsync(application.Id, userId, sessionId, SessionRevocationReason.EndedByUser, cancellationToken);
        return true;
    }

    /// <summary>Signs out the session of a refresh token (or all the user's sessions). Unknown tokens are ignored: logout is idempotent.</summary>
    public async Task LogoutByRefreshTokenAsync(Application? application, string refreshToken, bool allSessions, ClientInfo client, CancellationToken cancellationToken)
    {
        if (refreshToken.Length > 256 || await sessions.FindRefreshTokenAsync(SecretTokens.Hash(refreshToken), cancellationToken) is not { } match
            || (application is not null && match.Session.ApplicationId != application.Id))
        {
            return;
        }

        await LogoutAsync(match.Session.ApplicationId, match.Session.UserId, match.Session.Id, allSessions, client, cancellationToken);
    }

    /// <summary>Signs out a session (or all of the user's sessions).</summary>
    public async Task LogoutAsync(string applicationId, string userId, string sessionId, bool allSessions, ClientInfo client, CancellationToken cancellationToken)
    {
        var ended = allSessions
            ? await revoker.RevokeAllAsync(applicationId, userId, null, SessionRevocationReason.Logout, cancellationToken)
            : await revoker.RevokeOneAsync(applicationId, userId, sessionId, SessionRevocationReason.Logout, cancellationToken);
        if (ended.Count > 0)
        {
            await audit.RecordAsync(applicationId, Audit.AuditEventTypes.SignOut, userId, null, client,
                new Dictionary<string, string> { ["sessions"] = ended.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) }, cancellationToken);
        }
    }
}
