using JwtAuthKit.Sessions;
using JwtAuthKit.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace JwtAuthKit.EntityFramework.Stores;

internal sealed class EntityFrameworkSessionStore<TContext>(
    JwtAuthKitContextSource<TContext> contexts, Sqlite.SqlitePreparedReads<TContext> preparedReads, ILogger<EntityFrameworkSessionStore<TContext>> logger)
    : ISessionStore, IDisposable
    where TContext : DbContext
{
    private readonly SqliteRotationBatch<TContext> _sqliteRotations = new(contexts, logger);

    public void Dispose() => _sqliteRotations.Dispose();

    public async Task CreateAsync(Session session, RefreshToken refreshToken, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        db.Add(session);
        db.Add(refreshToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<RefreshTokenMatch?> FindRefreshTokenAsync(string tokenHash, CancellationToken cancellationToken)
    {
        if (preparedReads.Enabled)
        {
            return await preparedReads.FindRefreshTokenAsync(tokenHash, cancellationToken); // SQLite: the same join, prepared once.
        }

        await using var db = contexts.Create();
        var match = await ByTokenHash(db, tokenHash, cancellationToken);
        return match is null ? null : new RefreshTokenMatch(match.Token, match.Session) { User = match.User };
    }

    // The user comes in the same query: the refresh needs all three, and one statement is one round trip. Compiled once
    // (EF Core's compiled queries): every refresh runs it.
    private static readonly Func<TContext, string, CancellationToken, Task<TokenRow?>> ByTokenHash = EF.CompileAsyncQuery(
        (TContext db, string tokenHash, CancellationToken _) => (
            from token in db.Set<RefreshToken>().AsNoTracking()
            join session in db.Set<Session>().AsNoTracking() on token.SessionId equals session.Id
            join user in db.Set<User>().AsNoTracking() on new { Id = session.UserId, session.ApplicationId } equals new { user.Id, user.ApplicationId } into users
            from user in users.DefaultIfEmpty()
            where token.TokenHash == tokenHash
            select new TokenRow(token, session, user)).FirstOrDefault());

    private sealed record TokenRow(RefreshToken Token, Session Session, User? User);

    public async Task<bool> TryRotateAsync(string consumedTokenId, DateTimeOffset consumedAt, byte[] sealedSuccessor, RefreshToken successor, CancellationToken cancellationToken)
    {
        if (contexts.WritersTakeTurns)
        {
            // SQLite: group commit (see SqliteRotationBatch); the same conditional consume decides the winner there.
            return await _sqliteRotations.RotateAsync(consumedTokenId, consumedAt, sealedSuccessor, successor, cancellationToken);
        }

        await using var db = contexts.Create();
        await using var transaction = await contexts.BeginWriteAsync(db, cancellationToken);

        // The conditional update is the lock: of concurrent rotations of one token exactly one changes a row,
        // on any number of nodes, because the database serializes writes to that row.
        var consumed = await db.Set<RefreshToken>()
            .Where(t => t.Id == consumedTokenId && t.ConsumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, consumedAt).SetProperty(t => t.SealedSuccessor, sealedSuccessor), cancellationToken);
        if (consumed != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        // The successor's insert and the session's last use go in one SaveChanges: one batch, one round trip.
        db.Add(successor);
        var session = new Session { Id = successor.SessionId, ApplicationId = string.Empty, UserId = string.Empty, AuthenticationMethods = string.Empty };
        db.Attach(session);
        session.LastUsedAt = consumedAt;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<Session?> FindAsync(string applicationId, string sessionId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<Session>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId && s.ApplicationId == applicationId, cancellationToken);
    }

    public async Task<IReadOnlyList<Session>> ListActiveAsync(string applicationId, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<Session>().AsNoTracking()
            .Where(s => s.ApplicationId == applicationId && s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.CreatedAt)
            .Take(200)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> RevokeAsync(string applicationId, string userId, string? sessionId, string? exceptSessionId, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var query = db.Set<Session>().Where(s => s.ApplicationId == applicationId && s.UserId == userId && s.RevokedAt == null);
        if (sessionId is not null)
        {
            query = query.Where(s => s.Id == sessionId);
        }

        if (exceptSessionId is not null)
        {
            query = query.Where(s => s.Id != exceptSessionId);
        }

        var ids = await query.Select(s => s.Id).ToListAsync(cancellationToken);
        if (ids.Count > 0)
        {
            await db.Set<Session>()
                .Where(s => ids.Contains(s.Id) && s.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, reason), cancellationToken);
        }

        return ids;
    }

    public async Task<IReadOnlyList<RevokedSession>> ListRevokedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<Session>().AsNoTracking()
            .Where(s => s.RevokedAt >= since)
            .Select(s => new RevokedSession(s.Id, s.RevokedAt!.Value))
            .ToListAsync(cancellationToken);
    }
}
