using JwtAuthKit.Users;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Stores;

internal sealed class EntityFrameworkUserStore<TContext>(IDbContextFactory<TContext> factory) : IUserStore
    where TContext : DbContext
{
    public async Task<User?> FindByIdAsync(string applicationId, string userId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Set<User>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId && u.ApplicationId == applicationId, cancellationToken);
    }

    public async Task<User?> FindByEmailAsync(string applicationId, string normalizedEmail, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Set<User>().AsNoTracking().FirstOrDefaultAsync(u => u.ApplicationId == applicationId && u.Email == normalizedEmail, cancellationToken);
    }

    public async Task<bool> CreateAsync(User user, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            return false;
        }
    }

    public async Task<bool> UpdateAsync(User user, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var readStamp = user.ConcurrencyStamp;
        var entry = db.Update(user);
        entry.Property(u => u.ConcurrencyStamp).OriginalValue = readStamp;
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // A concurrent change won: report it as a result, and leave the caller's copy as it was.
            user.ConcurrencyStamp = readStamp;
            return false;
        }
    }
}
