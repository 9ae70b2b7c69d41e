using JwtAuthKit.Audit;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Stores;

/// <summary>
/// A sign-in's writes as one transaction on one connection: the session, its first refresh token and the audit event
/// inserted, and the user's last login updated where its concurrency stamp is still the one read.
/// On JwtAuthKit's own PostgreSQL context it is one round trip: the four statements go as one batch with no explicit
/// transaction, which the server runs as one implicit transaction, and EF Core's concurrency check on the stamp reports
/// the update that found no row. That context is configured here, so nothing splits the batch (a maximum batch size, a
/// retrying execution strategy). Elsewhere (SQLite, an application's own context) it is an explicit write transaction:
/// the inserts, then the conditional update, then the commit.
/// When the session, user or audit store registered is not this package's own, each store writes its own part, in the
/// order of Core's default.
/// </summary>
internal sealed class EntityFrameworkSignInWriter<TContext>(
    JwtAuthKitContextSource<TContext> contexts, ISessionStore sessions, IUserStore users, IAuditStore audit) : ISignInWriter
    where TContext : DbContext
{
    private readonly bool _storesAreOurs =
        sessions is EntityFrameworkSessionStore<TContext> && users is EntityFrameworkUserStore<TContext> && audit is EntityFrameworkAuditStore<TContext>;

    public async Task<bool> WriteAsync(Session session, RefreshToken refreshToken, AuditEvent signedIn, User user, DateTimeOffset signedInAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!_storesAreOurs)
        {
            await sessions.CreateAsync(session, refreshToken, cancellationToken);
            var landed = await users.RecordSignInAsync(user, signedInAt, cancellationToken);
            await audit.AddAsync(signedIn, cancellationToken);
            return landed;
        }

        await using var db = contexts.Create();
        db.Add(session);
        db.Add(refreshToken);
        db.Add(signedIn);
        var stamp = Guid.NewGuid().ToString("N");
        var recorded = typeof(TContext) == typeof(PostgreSql.PostgreSqlJwtAuthKitDbContext)
            ? await WriteAsOneBatchAsync(db, user, refreshToken, signedInAt, stamp, cancellationToken)
            : await WriteInTransactionAsync(db, user, signedInAt, stamp, cancellationToken);
        if (recorded)
        {
            user.LastLoginAt = signedInAt;
            user.UpdatedAt = signedInAt;
            user.ConcurrencyStamp = stamp;
        }

        return recorded;
    }

    private static async Task<bool> WriteAsOneBatchAsync(TContext db, User user, RefreshToken refreshToken, DateTimeOffset signedInAt, string stamp, CancellationToken cancellationToken)
    {
        // Only the three columns, where the stamp is still the one read (the stamp is the entity's concurrency token): an
        // entry that stands for the row, attached unchanged and then given the sign-in's values.
        var row = db.Attach(new User { Id = user.Id, ApplicationId = user.ApplicationId, Email = user.Email, ConcurrencyStamp = user.ConcurrencyStamp });
        row.Entity.LastLoginAt = signedInAt;
        row.Entity.UpdatedAt = signedInAt;
        row.Entity.ConcurrencyStamp = stamp;
        row.Property(u => u.LastLoginAt).IsModified = true;
        row.Property(u => u.UpdatedAt).IsModified = true;

        // No BEGIN/COMMIT: Npgsql sends the batch with one Sync, so PostgreSQL runs it as one implicit transaction (all of
        // it or none), and the update that finds no row is not an error there: the inserts are committed with it.
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException ex) when (ex.Entries is [{ Entity: User }])
        {
            // The batch ran to its end and committed without the update. Confirm it: had a later statement failed, the
            // whole batch was rolled back, and the caller must not hand out a refresh token that was never stored.
            var stored = await db.Set<RefreshToken>().AsNoTracking().AnyAsync(t => t.Id == refreshToken.Id, cancellationToken);
            return stored ? false : throw new InvalidOperationException("The sign-in's session was not written.", ex);
        }
    }

    private async Task<bool> WriteInTransactionAsync(TContext db, User user, DateTimeOffset signedInAt, string stamp, CancellationToken cancellationToken)
    {
        await using var transaction = await contexts.BeginWriteAsync(db, cancellationToken);
        db.Database.AutoSavepointsEnabled = false; // a failure rolls the whole transaction back: no savepoint needed
        await db.SaveChangesAsync(cancellationToken);
        var recorded = await EntityFrameworkUserStore<TContext>.RecordSignInRowAsync(db, user, signedInAt, stamp, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return recorded;
    }
}
