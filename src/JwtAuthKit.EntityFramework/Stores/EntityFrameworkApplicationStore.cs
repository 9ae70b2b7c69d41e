using JwtAuthKit.Applications;
using JwtAuthKit.EntityFramework.Providers;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Stores;

internal sealed class EntityFrameworkApplicationStore<TContext>(JwtAuthKitContextSource<TContext> contexts) : IApplicationStore
    where TContext : DbContext
{
    public async Task<Application?> FindByIdAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<Application>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    public async Task<Application?> FindByClientIdAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<Application>().AsNoTracking().FirstOrDefaultAsync(a => a.ClientId == clientId, cancellationToken);
    }

    public async Task<Application?> FindByNameAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<Application>().AsNoTracking().FirstOrDefaultAsync(a => a.Name == name, cancellationToken);
    }

    public async Task<ResolvedApiKey?> FindActiveKeyByHashAsync(string keyHash, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var match = await (
            from key in db.Set<ApiKey>().AsNoTracking()
            join application in db.Set<Application>().AsNoTracking() on key.ApplicationId equals application.Id
            where key.KeyHash == keyHash && key.RevokedAt == null
            select new { key, application }).FirstOrDefaultAsync(cancellationToken);
        return match is null ? null : new ResolvedApiKey(match.application, match.key);
    }

    public async Task<IReadOnlyList<Application>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<Application>().AsNoTracking().Where(a => a.ClientId != PlatformApplication.ClientId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
    }

    public async Task<int> CountAsync(int max, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<Application>().Where(a => a.ClientId != PlatformApplication.ClientId).OrderBy(a => a.Id).Take(max).CountAsync(cancellationToken);
    }

    public async Task<bool> CreateAsync(Application application, IReadOnlyCollection<ApiKey> keys, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        db.Add(application);
        db.AddRange(keys);
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

    public async Task UpdateAsync(Application application, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        db.Update(application);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> AddKeyAsync(ApiKey key, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        db.Add(key);
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

    public async Task<IReadOnlyList<ApiKey>> ListKeysAsync(string applicationId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<ApiKey>().AsNoTracking().Where(k => k.ApplicationId == applicationId).OrderByDescending(k => k.Id).ToListAsync(cancellationToken);
    }

    public async Task<bool> RevokeKeyAsync(string applicationId, string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<ApiKey>()
            .Where(k => k.Id == keyId && k.ApplicationId == applicationId && k.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(k => k.RevokedAt, revokedAt), cancellationToken) == 1;
    }

    public async Task TouchKeyAsync(string keyId, DateTimeOffset usedAt, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        await db.Set<ApiKey>()
            .Where(k => k.Id == keyId && (k.LastUsedAt == null || k.LastUsedAt < notBefore))
            .ExecuteUpdateAsync(u => u.SetProperty(k => k.LastUsedAt, usedAt), cancellationToken);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<Application>().Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken) == 1;
    }
}
