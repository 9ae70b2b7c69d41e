using JwtAuthKit.Audit;
using JwtAuthKit.Users;

namespace JwtAuthKit.Sessions;

/// <summary>
/// Writes what a sign-in writes once its factors are proven: the new session with its first refresh token, the audit
/// event, and the user's last login. The default calls <see cref="ISessionStore"/>, <see cref="IUserStore"/> and
/// <see cref="IAuditStore"/> in turn; a store package whose three stores share one database replaces it with one
/// transaction (the Entity Framework Core stores do: one round trip on PostgreSQL instead of four).
/// </summary>
public interface ISignInWriter
{
    /// <summary>
    /// Creates <paramref name="session"/> with <paramref name="refreshToken"/> and appends <paramref name="signedIn"/>;
    /// then records the sign-in on the user as <see cref="IUserStore.RecordSignInAsync"/> does: only if the stored user's
    /// concurrency stamp is still <paramref name="user"/>'s.
    /// </summary>
    /// <param name="session">The session.</param>
    /// <param name="refreshToken">Its first refresh token.</param>
    /// <param name="signedIn">The sign-in's audit event.</param>
    /// <param name="user">The user, as read before the factors were checked.</param>
    /// <param name="signedInAt">When the user signed in.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// <see langword="false"/> when the stored user changed since <paramref name="user"/> was read: the session and the
    /// event are written, the last login is not, and the caller's copy is as it was.
    /// </returns>
    Task<bool> WriteAsync(Session session, RefreshToken refreshToken, AuditEvent signedIn, User user, DateTimeOffset signedInAt, CancellationToken cancellationToken);
}
