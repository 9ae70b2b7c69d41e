using JwtAuthKit.Audit;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Stores;

internal sealed class EntityFrameworkAuditStore<TContext>(JwtAuthKitContextSource<TContext> contexts) : IAuditStore
    where TContext : DbContext
{
    public async Task AddAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        db.Add(auditEvent);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<Page<AuditEvent>> QueryAsync(string applicationId, AuditEventFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var events = db.Set<AuditEvent>().AsNoTracking().Where(e => e.ApplicationId == applicationId);
        if (filter.Type is { } type)
        {
            events = events.Where(e => e.Type == type);
        }

        if (filter.UserId is { } userId)
        {
            events = events.Where(e => e.UserId == userId);
        }

        if (filter.Since is { } since)
        {
            events = events.Where(e => e.CreatedAt >= since);
        }

        var total = await events.CountAsync(cancellationToken);
        var items = await events.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new Page<AuditEvent>(items, total, page);
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<AuditEvent>().Where(e => e.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
