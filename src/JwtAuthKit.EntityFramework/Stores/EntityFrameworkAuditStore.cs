using JwtAuthKit.Audit;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Stores;

internal sealed class EntityFrameworkAuditStore<TContext>(IDbContextFactory<TContext> factory) : IAuditStore
    where TContext : DbContext
{
    public async Task AddAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Add(auditEvent);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<(IReadOnlyList<AuditEvent> Items, int Total)> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var events = db.Set<AuditEvent>().AsNoTracking().Where(e => e.ApplicationId == query.ApplicationId);
        if (query.Type is { } type)
        {
            events = events.Where(e => e.Type == type);
        }

        if (query.UserId is { } userId)
        {
            events = events.Where(e => e.UserId == userId);
        }

        if (query.Since is { } since)
        {
            events = events.Where(e => e.CreatedAt >= since);
        }

        var total = await events.CountAsync(cancellationToken);
        var items = await events.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Skip(query.Skip).Take(query.Take).ToListAsync(cancellationToken);
        return (items, total);
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Set<AuditEvent>().Where(e => e.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
