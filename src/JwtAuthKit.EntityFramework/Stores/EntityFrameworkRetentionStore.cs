using JwtAuthKit.Audit;
using JwtAuthKit.Email;
using JwtAuthKit.Maintenance;
using JwtAuthKit.Mfa;
using JwtAuthKit.OneTimeTokens;
using JwtAuthKit.Platform;
using JwtAuthKit.Sessions;
using JwtAuthKit.Throttling;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Stores;

/// <summary>
/// Each batch is one <c>DELETE … WHERE key IN (SELECT key … ORDER BY time LIMIT n)</c> on the time column's index, so a
/// statement holds its locks (SQLite: the write lock) only as long as a thousand rows take. Deleting a session deletes
/// its refresh tokens (the foreign key cascades).
/// </summary>
internal sealed class EntityFrameworkRetentionStore<TContext>(JwtAuthKitContextSource<TContext> contexts) : IRetentionStore
    where TContext : DbContext
{
    public async Task<int> DeleteBatchAsync(ExpiredRecords records, DateTimeOffset before, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        await using var db = contexts.Create();
        return records switch
        {
            ExpiredRecords.Sessions => await DeleteAsync(db.Set<Session>(),
                db.Set<Session>().Where(s => s.ExpiresAt < before).OrderBy(s => s.ExpiresAt).Take(batchSize).Select(s => s.Id), cancellationToken),
            ExpiredRecords.RefreshTokens => await DeleteAsync(db.Set<RefreshToken>(),
                db.Set<RefreshToken>().Where(t => t.ExpiresAt < before).OrderBy(t => t.ExpiresAt).Take(batchSize).Select(t => t.Id), cancellationToken),
            ExpiredRecords.OneTimeTokens => await DeleteAsync(db.Set<OneTimeToken>(),
                db.Set<OneTimeToken>().Where(t => t.ExpiresAt < before).OrderBy(t => t.ExpiresAt).Take(batchSize).Select(t => t.Id), cancellationToken),
            ExpiredRecords.MfaChallenges => await DeleteAsync(db.Set<MfaChallenge>(),
                db.Set<MfaChallenge>().Where(c => c.ExpiresAt < before).OrderBy(c => c.ExpiresAt).Take(batchSize).Select(c => c.Id), cancellationToken),
            ExpiredRecords.Invitations => await DeleteAsync(db.Set<ApplicationInvitation>(),
                db.Set<ApplicationInvitation>().Where(i => i.ExpiresAt < before).OrderBy(i => i.ExpiresAt).Take(batchSize).Select(i => i.Id), cancellationToken),
            ExpiredRecords.SentEmails => await DeleteAsync(db.Set<EmailMessage>(),
                db.Set<EmailMessage>().Where(m => m.Status == EmailStatus.Sent && m.SentAt < before).OrderBy(m => m.SentAt).Take(batchSize).Select(m => m.Id), cancellationToken),
            ExpiredRecords.AuditEvents => await DeleteAsync(db.Set<AuditEvent>(),
                db.Set<AuditEvent>().Where(e => e.CreatedAt < before).OrderBy(e => e.CreatedAt).Take(batchSize).Select(e => e.Id), cancellationToken),
            ExpiredRecords.AttemptCounters => await DeleteAttemptCountersAsync(db, before, batchSize, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(records), records, "Unknown kind of records."),
        };
    }

    private static Task<int> DeleteAsync<T>(DbSet<T> set, IQueryable<string> batch, CancellationToken cancellationToken)
        where T : class =>
        set.Where(e => batch.Contains(EF.Property<string>(e, "Id"))).ExecuteDeleteAsync(cancellationToken);

    private static async Task<int> DeleteAttemptCountersAsync(DbContext db, DateTimeOffset before, int batchSize, CancellationToken cancellationToken)
    {
        // The key has two columns, so the batch is bounded by time: up to the batch's last failure time (ties may add a few).
        var counters = db.Set<AttemptCounter>();
        var last = await counters.Where(c => c.LastFailureAt < before).OrderBy(c => c.LastFailureAt)
            .Skip(batchSize - 1).Select(c => (DateTimeOffset?)c.LastFailureAt).FirstOrDefaultAsync(cancellationToken);
        return last is { } bound
            ? await counters.Where(c => c.LastFailureAt <= bound).ExecuteDeleteAsync(cancellationToken)
            : await counters.Where(c => c.LastFailureAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
