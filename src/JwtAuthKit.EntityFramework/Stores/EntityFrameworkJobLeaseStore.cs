using JwtAuthKit.EntityFramework.Providers;
using JwtAuthKit.Maintenance;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Stores;

internal sealed class EntityFrameworkJobLeaseStore<TContext>(JwtAuthKitContextSource<TContext> contexts) : IJobLeaseStore
    where TContext : DbContext
{
    public async Task<bool> TryAcquireAsync(string job, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        // A conditional update of an expired lease, else the first insert; a concurrent insert loses on the primary key.
        // Portable SQL, no provider-specific upsert or advisory lock.
        await using var db = contexts.Create();
        if (await db.Set<JobLease>().Where(l => l.Name == job && l.LeasedUntil <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.LeasedUntil, until), cancellationToken) == 1)
        {
            return true;
        }

        if (await db.Set<JobLease>().AnyAsync(l => l.Name == job, cancellationToken))
        {
            return false;
        }

        db.Add(new JobLease { Name = job, Holder = holder, LeasedUntil = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            return false;
        }
    }
}
