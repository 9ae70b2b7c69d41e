using JwtAuthKit.Audit;
using JwtAuthKit.Users;

namespace JwtAuthKit.Sessions;

/// <summary>
/// The default <see cref="ISignInWriter"/>: each store writes its own part. The session first, then the last login (the
/// race check), then the event, whose failure is logged and does not fail the sign-in (as every audit event).
/// </summary>
internal sealed class StoreSignInWriter(ISessionStore sessions, IUserStore users, AuditLog audit) : ISignInWriter
{
    public async Task<bool> WriteAsync(Session session, RefreshToken refreshToken, AuditEvent signedIn, User user, DateTimeOffset signedInAt, CancellationToken cancellationToken)
    {
        await sessions.CreateAsync(session, refreshToken, cancellationToken);
        var landed = await users.RecordSignInAsync(user, signedInAt, cancellationToken);
        await audit.AppendAsync(signedIn);
        return landed;
    }
}
