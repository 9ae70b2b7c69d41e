using JwtAuthKit.Throttling;
using JwtAuthKit.EntityFramework.Providers;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Stores;

internal sealed class EntityFrameworkAttemptCounterStore<TContext>(JwtAuthKitContextSource<TContext> contexts) : IAttemptCounterStore
    where TContext : DbContext
{
    // Read on every password sign-in, MFA step and email code: compiled once (EF Core's compiled queries), so no
    // expression tree is built and no query-cache key computed per call.
    private static readonly Func<TContext, string, string, CancellationToken, Task<AttemptCounter?>> ByKey = EF.CompileAsyncQuery(
        (TContext db, string applicationId, string keyHash, CancellationToken _) =>
            db.Set<AttemptCounter>().AsNoTracking().FirstOrDefault(c => c.ApplicationId == applicationId && c.KeyHash == keyHash));

    public async Task<AttemptCounter?> FindAsync(string applicationId, string keyHash, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await ByKey(db, applicationId, keyHash, cancellationToken);
    }

    public async Task IncrementAsync(string applicationId, string keyHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // An atomic increment of the row if it exists; else an insert, and when a concurrent caller inserted first (the
        // primary key refuses the second), the increment again. Portable SQL, no provider-specific upsert.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var db = contexts.Create();
            if (await Increment(db, applicationId, keyHash, now, cancellationToken))
            {
                return;
            }

            db.Add(new AttemptCounter { ApplicationId = applicationId, KeyHash = keyHash, Failures = 1, LastFailureAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
            {
                // Someone else created it: count on it.
            }
        }
    }

    public async Task DeleteAsync(string applicationId, string keyHash, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        await db.Set<AttemptCounter>().Where(c => c.ApplicationId == applicationId && c.KeyHash == keyHash).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<AttemptCounter>().Where(c => c.LastFailureAt < before).ExecuteDeleteAsync(cancellationToken);
    }

    private static async Task<bool> Increment(DbContext db, string applicationId, string keyHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Set<AttemptCounter>()
            .Where(c => c.ApplicationId == applicationId && c.KeyHash == keyHash)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Failures, c => c.Failures + 1).SetProperty(c => c.LastFailureAt, now), cancellationToken) == 1;
}
