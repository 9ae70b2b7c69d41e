using JwtAuthKit.Audit;
using JwtAuthKit.Users;

namespace JwtAuthKit.Sessions;

/// <summary>The default <see cref="ISignInWriter"/>: each store writes its own part, in the order the contract names.</summary>
internal sealed class StoreSignInWriter(ISessionStore sessions, IUserStore users, IAuditStore audit) : ISignInWriter
{
    public async Task<bool> WriteAsync(Session session, RefreshToken refreshToken, AuditEvent signedIn, User user, DateTimeOffset signedInAt, CancellationToken cancellationToken)
    {
        await sessions.CreateAsync(session, refreshToken, cancellationToken);
        await audit.AddAsync(signedIn, cancellationToken);
        return await users.RecordSignInAsync(user, signedInAt, cancellationToken);
    }
}
