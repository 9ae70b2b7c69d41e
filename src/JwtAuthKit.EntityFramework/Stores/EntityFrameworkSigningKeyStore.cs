using JwtAuthKit.Tokens;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Stores;

internal sealed class EntityFrameworkSigningKeyStore<TContext>(JwtAuthKitContextSource<TContext> contexts) : ISigningKeyStore
    where TContext : DbContext
{
    public async Task<IReadOnlyList<SigningKey>> ListUnexpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<SigningKey>().AsNoTracking()
            .Where(k => k.ExpiresAt == null || k.ExpiresAt > now)
            .OrderBy(k => k.CreatedAt)
            .ToListAsync(cancellationToken);
    }

    public async Task AddAsync(SigningKey key, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        db.Add(key);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RetireOthersAsync(string exceptKeyId, DateTimeOffset retiredAt, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        await db.Set<SigningKey>()
            .Where(k => k.Id != exceptKeyId && k.RetiredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RetiredAt, retiredAt).SetProperty(k => k.ExpiresAt, expiresAt), cancellationToken);
    }

    public async Task<bool> TryScheduleRetirementAsync(string keyId, DateTimeOffset retiresAt, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<SigningKey>()
            .Where(k => k.Id == keyId && k.RetiredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RetiredAt, retiresAt).SetProperty(k => k.ExpiresAt, expiresAt), cancellationToken) == 1;
    }
}
