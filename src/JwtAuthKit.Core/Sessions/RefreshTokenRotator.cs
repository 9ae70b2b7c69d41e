using JwtAuthKit.Applications;
using JwtAuthKit.Tokens;
using JwtAuthKit.Users;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Sessions;

/// <summary>
/// Exchanges a refresh token for a new token pair, rotating it on every use (RFC 9700 §4.14.2). The rotation is
/// a conditional update, so of many concurrent requests exactly one rotates; the others, inside the grace
/// window, receive the same successor. A rotated token presented after the window revokes the whole session.
/// </summary>
internal sealed partial class RefreshTokenRotator(
    ISessionStore sessions,
    IUserStore users,
    IApplicationResolver applications,
    AccessTokenIssuer accessTokens,
    SessionRevoker revoker,
    Audit.AuditLog audit,
    IOptions<JwtAuthKitOptions> options,
    TimeProvider time,
    Telemetry.JwtAuthKitMetrics metrics,
    ILogger<RefreshTokenRotator> logger) : IRefreshTokenService
{
    internal const int MaxTokenLength = 256;

    public async Task<Result<AuthResult>> RefreshAsync(Application? expectedApplication, string? refreshToken, ClientInfo client, CancellationToken cancellationToken)
    {
        using var activity = metrics.ActivitySource.StartActivity("jwtauthkit.refresh");
        var result = await RefreshCoreAsync(expectedApplication, refreshToken, client, cancellationToken);
        if (result.Succeeded)
        {
            metrics.Refreshed();
            activity?.SetTag("jwtauthkit.outcome", "refreshed");
        }
        else
        {
            activity?.SetTag("jwtauthkit.outcome", result.Error.Code);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, result.Error.Code);
        }

        return result;
    }

    private async Task<Result<AuthResult>> RefreshCoreAsync(Application? expectedApplication, string? refreshToken, ClientInfo client, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(refreshToken) || refreshToken.Length > MaxTokenLength)
        {
            return Invalid();
        }

        var hash = SecretTokens.Hash(refreshToken);
        var match = await sessions.FindRefreshTokenAsync(hash, cancellationToken);
        if (match is null)
        {
            return Invalid();
        }

        var (token, session) = (match.Token, match.Session);
        var now = time.GetUtcNow();
        if (session.RevokedAt is not null || session.ExpiresAt <= now || token.ExpiresAt <= now
            || (expectedApplication is not null && expectedApplication.Id != session.ApplicationId))
        {
            return Invalid();
        }

        if (await applications.FindByIdAsync(session.ApplicationId, cancellationToken) is not { } application
            || (match.User ?? await users.FindByIdAsync(session.ApplicationId, session.UserId, cancellationToken)) is not { } user)
        {
            return Invalid();
        }

        if (!user.IsActive)
        {
            await revoker.RevokeOneAsync(session.ApplicationId, session.UserId, session.Id, SessionRevocationReason.AccountDisabled, cancellationToken);
            return Invalid();
        }

        string successor;
        if (token.ConsumedAt is null)
        {
            var (newToken, record) = SessionIssuer.NewRefreshToken(session, application.Settings, now);
            if (await sessions.TryRotateAsync(token.Id, now, RefreshTokenSealer.Seal(refreshToken, newToken), record, cancellationToken))
            {
                return await IssueAsync(application, user, session, newToken, record.ExpiresAt, now, cancellationToken);
            }

            // Another request rotated it first: read what it stored.
            match = await sessions.FindRefreshTokenAsync(hash, cancellationToken);
            if (match?.Token.ConsumedAt is null)
            {
                return Invalid();
            }

            token = match.Token;
        }

        var consumedAt = token.ConsumedAt!.Value;
        // Inside the window [rotation, rotation + grace) a concurrent request gets the same successor; at its end or after, a replay revokes.
        if (now - consumedAt >= options.Value.RefreshTokenReuseGraceWindow || token.SealedSuccessor is null
            || RefreshTokenSealer.Open(refreshToken, token.SealedSuccessor) is not { } opened)
        {
            await revoker.RevokeOneAsync(session.ApplicationId, session.UserId, session.Id, SessionRevocationReason.RefreshTokenReuse, cancellationToken);
            LogReuse(logger, session.Id);
            metrics.RefreshReuseDetected();
            await audit.RecordAsync(session.ApplicationId, Audit.AuditEventTypes.RefreshTokenReused, session.UserId, null, client,
                new Dictionary<string, string> { ["session_id"] = session.Id }, cancellationToken);
            return Errors.RefreshTokenReused;
        }

        successor = opened;
        var successorMatch = await sessions.FindRefreshTokenAsync(SecretTokens.Hash(successor), cancellationToken);
        if (successorMatch is null || successorMatch.Session.RevokedAt is not null || successorMatch.Token.ConsumedAt is not null)
        {
            return Invalid();
        }

        return await IssueAsync(application, user, session, successor, successorMatch.Token.ExpiresAt, now, cancellationToken);
    }

    private async Task<Result<AuthResult>> IssueAsync(Application application, User user, Session session, string refreshToken, DateTimeOffset refreshExpiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // `now` was taken before the user was read: a role change committed after that read makes this token stale.
        var (accessToken, expiresIn) = await accessTokens.IssueAsync(application, user, session, cancellationToken, userReadAt: now);
        return new AuthResult(accessToken, expiresIn, refreshToken, SessionIssuer.Seconds(refreshExpiresAt - now), session.Id, user,
            Mfa.MfaRolePolicy.EnrollmentRequired(application.Settings, user));
    }

    private static JwtAuthKitError Invalid() => Errors.InvalidRefreshToken;

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "A rotated refresh token was replayed; session {SessionId} was revoked.")]
    private static partial void LogReuse(ILogger logger, string sessionId);
}
