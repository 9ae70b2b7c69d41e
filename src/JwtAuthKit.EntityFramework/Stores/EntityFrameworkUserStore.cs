using JwtAuthKit.Email;
using JwtAuthKit.OneTimeTokens;
using JwtAuthKit.Users;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Stores;

internal sealed class EntityFrameworkUserStore<TContext>(JwtAuthKitContextSource<TContext> contexts) : IUserStore
    where TContext : DbContext
{
    public async Task<User?> FindByIdAsync(string applicationId, string userId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<User>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId && u.ApplicationId == applicationId, cancellationToken);
    }

    public async Task<User?> FindByEmailAsync(string applicationId, string normalizedEmail, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<User>().AsNoTracking().FirstOrDefaultAsync(u => u.ApplicationId == applicationId && u.Email == normalizedEmail, cancellationToken);
    }

    public async Task<bool> CreateAsync(User user, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
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

    public async Task<bool> CreateWithMessageAsync(User user, OneTimeToken token, EmailMessage message, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Only the newest link of a purpose works (an earlier account of this address may have left one).
        await db.Set<OneTimeToken>()
            .Where(t => t.ApplicationId == token.ApplicationId && t.Email == token.Email && t.Purpose == token.Purpose && t.ConsumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, token.CreatedAt), cancellationToken);
        db.Add(user);
        db.Add(token);
        db.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Disposing the transaction rolls it back.
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<Page<User>> SearchAsync(string applicationId, string? query, PageRequest page, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        var users = db.Set<User>().AsNoTracking().Where(u => u.ApplicationId == applicationId);
        if (!string.IsNullOrWhiteSpace(query))
        {
            // Emails are stored lower-case; names are compared lower-cased. LIKE wildcards in the query are literal.
            var pattern = "%" + query.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
#pragma warning disable CA1304, CA1311 // Translated to SQL lower(); no .NET culture is involved.
            users = users.Where(u => EF.Functions.Like(u.Email, pattern, "\\") || (u.Name != null && EF.Functions.Like(u.Name.ToLower(), pattern, "\\")));
#pragma warning restore CA1304, CA1311
        }

        var total = await users.CountAsync(cancellationToken);
        var items = await users.OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id).Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new Page<User>(items, total, page);
    }

    public async Task<bool> DeleteAsync(string applicationId, string userId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<User>().Where(u => u.Id == userId && u.ApplicationId == applicationId).ExecuteDeleteAsync(cancellationToken) == 1;
    }

    public async Task<bool> UpdateAsync(User user, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
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

    public async Task<IReadOnlyList<string>> RemoveRoleAsync(string applicationId, string role, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        // Roles are a JSON array column; role names hold no quote or wildcard, so the quoted name finds candidates.
        var pattern = "%\"" + role + "\"%";
        var changed = new List<string>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await using var db = contexts.Create();
            var holders = await db.Set<User>()
                .FromSql($"SELECT * FROM \"jak_users\" WHERE \"ApplicationId\" = {applicationId} AND \"Roles\" LIKE {pattern}")
                .AsNoTracking().ToListAsync(cancellationToken);
            var conflicts = 0;
            foreach (var user in holders.Where(u => u.Roles.Contains(role)))
            {
                user.Roles = [.. user.Roles.Where(r => r != role)];
                user.RolesChangedAt = changedAt;
                if (await UpdateAsync(user, cancellationToken))
                {
                    changed.Add(user.Id);
                }
                else
                {
                    conflicts++;
                }
            }

            if (conflicts == 0)
            {
                break;
            }
        }

        return changed;
    }

    public async Task<IReadOnlyList<RolesChange>> ListRolesChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<User>().AsNoTracking()
            .Where(u => u.RolesChangedAt >= since)
            .Select(u => new RolesChange(u.Id, u.RolesChangedAt!.Value))
            .ToListAsync(cancellationToken);
    }
}
