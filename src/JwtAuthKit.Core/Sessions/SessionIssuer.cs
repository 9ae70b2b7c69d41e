using JwtAuthKit.Applications;
using JwtAuthKit.Tokens;
using JwtAuthKit.Users;

namespace JwtAuthKit.Sessions;

/// <summary>Starts a session for a user who just proved who they are, and issues its first token pair.</summary>
internal sealed class SessionIssuer(ISessionStore sessions, AccessTokenIssuer accessTokens, TimeProvider time)
{
    public async Task<AuthResult> StartAsync(Application application, User user, IReadOnlyList<string> methods, ClientInfo client, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = application.Settings;
        var session = new Session
        {
            Id = Guid.CreateVersion7(now).ToString(),
            ApplicationId = application.Id,
            UserId = user.Id,
            AuthenticationMethods = string.Join(' ', methods),
            CreatedAt = now,
            LastUsedAt = now,
            ExpiresAt = now + TimeSpan.FromSeconds(settings.SessionLifetimeSeconds),
            IpAddress = Truncate(client.IpAddress, 64),
            UserAgent = Truncate(client.UserAgent, 512),
        };
        var (refreshToken, refreshRecord) = NewRefreshToken(session, settings, now);
        await sessions.CreateAsync(session, refreshRecord, cancellationToken);
        var (accessToken, expiresIn) = await accessTokens.IssueAsync(application, user, session, cancellationToken);
        return new AuthResult(accessToken, expiresIn, refreshToken, Seconds(refreshRecord.ExpiresAt - now), session.Id, user,
            Mfa.MfaRolePolicy.EnrollmentRequired(settings, user));
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
