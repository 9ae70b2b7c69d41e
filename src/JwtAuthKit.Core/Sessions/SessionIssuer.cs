using JwtAuthKit.Applications;
using JwtAuthKit.Tokens;
using JwtAuthKit.Users;

namespace JwtAuthKit.Sessions;

/// <summary>Starts a session for a user who just proved who they are, and issues its first token pair.</summary>
internal sealed class SessionIssuer(ISessionStore sessions, ISignInWriter signIns, AccessTokenIssuer accessTokens, TimeProvider time)
{
    /// <summary>Starts the session; nothing else is written.</summary>
    public async Task<AuthResult> StartAsync(Application application, User user, IReadOnlyList<string> methods, ClientInfo client, CancellationToken cancellationToken)
    {
        var (session, refreshToken, refreshRecord) = NewSession(application, user, methods, client);
        await sessions.CreateAsync(session, refreshRecord, cancellationToken);
        return await IssueAsync(application, user, session, refreshToken, refreshRecord, cancellationToken);
    }

    /// <summary>
    /// Starts the session and writes it with <paramref name="signedIn"/> and the user's last login through
    /// <see cref="ISignInWriter"/>; <c>Recorded</c> is <see langword="false"/> when the user changed since it was read (the
    /// session and the event are written, the last login is not).
    /// </summary>
    public async Task<(AuthResult Result, bool Recorded)> StartRecordingAsync(Application application, User user, IReadOnlyList<string> methods, ClientInfo client, Audit.AuditEvent signedIn, DateTimeOffset signedInAt, CancellationToken cancellationToken)
    {
        var (session, refreshToken, refreshRecord) = NewSession(application, user, methods, client);

        // The access token is signed while the write is on its way to the database (it reads none of what the write
        // changes), and handed out only once the write succeeded.
        var write = signIns.WriteAsync(session, refreshRecord, signedIn, user, signedInAt, cancellationToken);
        AuthResult result;
        try
        {
            result = await IssueAsync(application, user, session, refreshToken, refreshRecord, cancellationToken);
        }
        catch
        {
            await ((Task)write).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _ = write.Exception;
            throw;
        }

        return (result, await write);
    }

    private (Session Session, string RefreshToken, RefreshToken RefreshRecord) NewSession(Application application, User user, IReadOnlyList<string> methods, ClientInfo client)
    {
        var now = time.GetUtcNow();
        var session = new Session
        {
            Id = Guid.CreateVersion7(now).ToString(),
            ApplicationId = application.Id,
            UserId = user.Id,
            AuthenticationMethods = string.Join(' ', methods),
            CreatedAt = now,
            LastUsedAt = now,
            ExpiresAt = now + TimeSpan.FromSeconds(application.Settings.SessionLifetimeSeconds),
            IpAddress = Truncate(client.IpAddress, 64),
            UserAgent = Truncate(client.UserAgent, 512),
        };
        var (refreshToken, refreshRecord) = NewRefreshToken(session, application.Settings, now);
        return (session, refreshToken, refreshRecord);
    }

    private async Task<AuthResult> IssueAsync(Application application, User user, Session session, string refreshToken, RefreshToken refreshRecord, CancellationToken cancellationToken)
    {
        var (accessToken, expiresIn) = await accessTokens.IssueAsync(application, user, session, cancellationToken);
        return new AuthResult(accessToken, expiresIn, refreshToken, Seconds(refreshRecord.ExpiresAt - session.CreatedAt), session.Id, user,
            Mfa.MfaRolePolicy.EnrollmentRequired(application.Settings, user));
    }

    /// <summary>A new refresh token (256 bits) and its stored record; it expires after the idle lifetime, never after the session.</summary>
    public static (string Token, RefreshToken Record) NewRefreshToken(Session session, ApplicationSettings settings, DateTimeOffset now)
    {
        var token = SecretTokens.Create(32);
        var idleEnd = now + TimeSpan.FromSeconds(settings.RefreshTokenLifetimeSeconds);
        var record = new RefreshToken
        {
            Id = Guid.CreateVersion7(now).ToString(),
            SessionId = session.Id,
            TokenHash = SecretTokens.Hash(token),
            CreatedAt = now,
            ExpiresAt = idleEnd < session.ExpiresAt ? idleEnd : session.ExpiresAt,
        };
        return (token, record);
    }

    public static int Seconds(TimeSpan span) => (int)Math.Max(0, Math.Floor(span.TotalSeconds));

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
