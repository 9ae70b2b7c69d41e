using JwtAuthKit.Roles;
using JwtAuthKit.EntityFramework.Providers;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Stores;

internal sealed class EntityFrameworkRoleStore<TContext>(JwtAuthKitContextSource<TContext> contexts) : IRoleStore
    where TContext : DbContext
{
    public async Task<IReadOnlyList<Role>> ListAsync(string applicationId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<Role>().AsNoTracking().Where(r => r.ApplicationId == applicationId).OrderBy(r => r.Name).ToListAsync(cancellationToken);
    }

    public async Task<Role?> FindAsync(string applicationId, string name, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<Role>().AsNoTracking().FirstOrDefaultAsync(r => r.ApplicationId == applicationId && r.Name == name, cancellationToken);
    }

    public async Task<bool> CreateAsync(Role role, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        db.Add(role);
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

    public async Task<bool> UpdateAsync(Role role, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        db.Update(role);
        try
        {
            return await db.SaveChangesAsync(cancellationToken) == 1;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    public async Task<bool> DeleteAsync(string applicationId, string name, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<Role>().Where(r => r.ApplicationId == applicationId && r.Name == name).ExecuteDeleteAsync(cancellationToken) == 1;
    }
}
