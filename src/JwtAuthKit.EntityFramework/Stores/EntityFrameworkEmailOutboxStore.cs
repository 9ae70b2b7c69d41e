using JwtAuthKit.Email;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Stores;

internal sealed class EntityFrameworkEmailOutboxStore<TContext>(JwtAuthKitContextSource<TContext> contexts) : IEmailOutboxStore
    where TContext : DbContext
{
    public async Task AddAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        db.Add(message);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<EmailMessage>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset lockUntil, int max, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var candidates = await db.Set<EmailMessage>().AsNoTracking()
            .Where(m => m.Status == EmailStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        // The conditional update decides which node gets each message; the lock id tells this node which it won.
        var lockId = Guid.NewGuid().ToString();
        await db.Set<EmailMessage>()
            .Where(m => candidates.Contains(m.Id) && m.Status == EmailStatus.Pending && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lockUntil).SetProperty(m => m.LockId, lockId), cancellationToken);
        return await db.Set<EmailMessage>().AsNoTracking().Where(m => m.LockId == lockId).ToListAsync(cancellationToken);
    }

    public async Task SaveAttemptAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        await db.Set<EmailMessage>()
            .Where(m => m.Id == message.Id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, message.Status)
                .SetProperty(m => m.Attempts, message.Attempts)
                .SetProperty(m => m.NextAttemptAt, message.NextAttemptAt)
                .SetProperty(m => m.LastError, message.LastError)
                .SetProperty(m => m.SentAt, message.SentAt)
                .SetProperty(m => m.ProtectedTextBody, message.ProtectedTextBody)
                .SetProperty(m => m.ProtectedHtmlBody, message.ProtectedHtmlBody)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LockId, (string?)null), cancellationToken);
    }

    public async Task<EmailMessage?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<EmailMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
    }

    public async Task<IReadOnlyList<EmailMessage>> ListAsync(string? applicationId, EmailStatus? status, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var query = db.Set<EmailMessage>().AsNoTracking();
        if (applicationId is not null)
        {
            query = query.Where(m => m.ApplicationId == applicationId);
        }

        if (status is not null)
        {
            query = query.Where(m => m.Status == status);
        }

        return await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<EmailMessage>> ListPageAsync(string applicationId, EmailStatus? status, string? beforeId, int take, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var query = db.Set<EmailMessage>().AsNoTracking().Where(m => m.ApplicationId == applicationId);
        if (status is not null)
        {
            query = query.Where(m => m.Status == status);
        }

        if (beforeId is not null)
        {
#pragma warning disable CA1309 // Translated to SQL '<' on the id column (binary collation); no .NET comparison runs.
            query = query.Where(m => string.Compare(m.Id, beforeId) < 0);
#pragma warning restore CA1309
        }

        return await query.OrderByDescending(m => m.Id).Take(take).ToListAsync(cancellationToken);
    }

    public async Task<bool> RetryAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<EmailMessage>()
            .Where(m => m.Id == id && m.Status == EmailStatus.Failed && m.ProtectedTextBody != null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, EmailStatus.Pending).SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, now), cancellationToken) == 1;
    }

    public async Task<bool> HasRecentAsync(string applicationId, string recipient, string kind, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<EmailMessage>().AnyAsync(m => m.ApplicationId == applicationId && m.To == recipient && m.Kind == kind && m.CreatedAt >= since, cancellationToken);
    }

    public async Task<int> CountRecentAsync(string applicationId, string recipient, string kind, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<EmailMessage>().CountAsync(m => m.ApplicationId == applicationId && m.To == recipient && m.Kind == kind && m.CreatedAt >= since, cancellationToken);
    }
}
