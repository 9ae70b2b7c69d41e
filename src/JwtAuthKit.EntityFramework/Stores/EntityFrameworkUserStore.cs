using System.Runtime.CompilerServices;
using JwtAuthKit.Email;
using JwtAuthKit.OneTimeTokens;
using JwtAuthKit.Users;
using JwtAuthKit.EntityFramework.Providers;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Stores;

internal sealed class EntityFrameworkUserStore<TContext>(JwtAuthKitContextSource<TContext> contexts, Sqlite.SqlitePreparedReads<TContext> preparedReads) : IUserStore
    where TContext : DbContext
{
    /// <summary>The most users a search counts or pages through; narrower queries reach the rest.</summary>
    internal const int MaxCountedUsers = 10_000;

    // The lookups of every authenticated request and sign-in, compiled once: no expression tree to walk and no cache key
    // to compute per call (EF Core's compiled queries).
    private static readonly Func<TContext, string, string, CancellationToken, Task<User?>> ById = EF.CompileAsyncQuery(
        (TContext db, string applicationId, string userId, CancellationToken _) =>
            db.Set<User>().AsNoTracking().FirstOrDefault(u => u.Id == userId && u.ApplicationId == applicationId));

    private static readonly Func<TContext, string, string, CancellationToken, Task<User?>> ByEmail = EF.CompileAsyncQuery(
        (TContext db, string applicationId, string normalizedEmail, CancellationToken _) =>
            db.Set<User>().AsNoTracking().FirstOrDefault(u => u.ApplicationId == applicationId && u.Email == normalizedEmail));

    public async Task<User?> FindByIdAsync(string applicationId, string userId, CancellationToken cancellationToken)
    {
        if (preparedReads.Enabled)
        {
            return await preparedReads.FindUserAsync(applicationId, userId, cancellationToken); // SQLite: the same query, prepared once.
        }

        await using var db = contexts.Create();
        return await ById(db, applicationId, userId, cancellationToken);
    }

    public async Task<User?> FindByEmailAsync(string applicationId, string normalizedEmail, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await ByEmail(db, applicationId, normalizedEmail, cancellationToken);
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
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    public async Task<bool> CreateWithMessageAsync(User user, OneTimeToken token, EmailMessage message, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        await using var transaction = await contexts.BeginWriteAsync(db, cancellationToken);

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
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
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
        var filtered = !string.IsNullOrWhiteSpace(query);
        if (filtered)
        {
            // A prefix of the email (stored lower-case) or of the name (SearchName, lower-cased): each a range of an index
            // on (ApplicationId, …), never a scan of the application's users. The range ends before the prefix with its
            // last character incremented, so wildcards and every other character are literal.
#pragma warning disable CA1308 // Emails are stored lower-case; the range must compare the same way.
            var low = query!.Trim().ToLowerInvariant();
#pragma warning restore CA1308
            var high = low[..^1] + (char)(low[^1] + 1);
#pragma warning disable CA1309 // Translated to SQL comparisons on indexed columns; no .NET comparison runs.
            users = users.Where(u =>
                (string.Compare(u.Email, low) >= 0 && string.Compare(u.Email, high) < 0)
                || (string.Compare(EF.Property<string>(u, UserSearchName.Property), low) >= 0 && string.Compare(EF.Property<string>(u, UserSearchName.Property), high) < 0));
#pragma warning restore CA1309
        }

        // The count stops at MaxCountedUsers and pages end there too: the work is bounded however many users match.
        var total = await users.Take(MaxCountedUsers).CountAsync(cancellationToken);
        if (page.Skip >= MaxCountedUsers)
        {
            return new Page<User>([], total, page);
        }

        // Newest first, on the index (ApplicationId, CreatedAt, Id): the unfiltered list walks it and stops after the page.
        // A search that matched fewer than MaxCountedUsers has every match counted: those are found through the email
        // and name ranges first (a subquery with a LIMIT, which neither SQLite nor PostgreSQL merges into the ordered
        // query) and only that bounded set is sorted. Otherwise SQLite's planner may walk the ordered index instead,
        // hoping to fill the page early, and read every user of the application when few match. A broad search (the
        // count reached the cap) matches densely, so walking the ordered index finds a page quickly.
        var candidates = filtered && total < MaxCountedUsers ? users.Take(MaxCountedUsers) : users;
        var items = await candidates.OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id).Skip(page.Skip).Take(Math.Min(page.Size, MaxCountedUsers - page.Skip)).ToListAsync(cancellationToken);
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

    public async Task<bool> RecordSignInAsync(User user, DateTimeOffset signedInAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);

        // Three columns, none indexed, in one conditional UPDATE: no tracked entity, and no index rewritten (writing every
        // column, as UpdateAsync does, made SQLite rewrite each of the table's six indexes on every sign-in).
        await using var db = contexts.Create();
        var stamp = Guid.NewGuid().ToString("N");
        if (!await RecordSignInRowAsync(db, user, signedInAt, stamp, cancellationToken))
        {
            return false;
        }

        user.LastLoginAt = signedInAt;
        user.UpdatedAt = signedInAt;
        user.ConcurrencyStamp = stamp;
        return true;
    }

    /// <summary>
    /// The sign-in's conditional <c>UPDATE</c> of its three columns, where the stamp is still <paramref name="user"/>'s;
    /// whether it landed. Also run by <see cref="EntityFrameworkSignInWriter{TContext}"/> inside its transaction.
    /// </summary>
    internal static async Task<bool> RecordSignInRowAsync(DbContext db, User user, DateTimeOffset signedInAt, string stamp, CancellationToken cancellationToken)
    {
        var readStamp = user.ConcurrencyStamp;
        var updated = await db.Set<User>()
            .Where(u => u.Id == user.Id && u.ApplicationId == user.ApplicationId && u.ConcurrencyStamp == readStamp)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastLoginAt, signedInAt).SetProperty(u => u.UpdatedAt, signedInAt).SetProperty(u => u.ConcurrencyStamp, stamp), cancellationToken);
        return updated == 1;
    }

    public async Task MarkRolesChangedAsync(string applicationId, IReadOnlyCollection<string> userIds, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return;
        }

        await using var db = contexts.Create();
        foreach (var chunk in userIds.Chunk(500))
        {
            var stamp = Guid.NewGuid().ToString("N");
            await db.Set<User>()
                .Where(u => u.ApplicationId == applicationId && chunk.Contains(u.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.RolesChangedAt, changedAt).SetProperty(u => u.ConcurrencyStamp, stamp), cancellationToken);
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
            // Composed on (the Where), so EF Core wraps the raw SQL and names the columns it reads: a statement PostgreSQL
            // keeps prepared (Max Auto Prepare) must not return "*", whose shape a migration adding a column would change.
            var holders = await db.Set<User>()
                .FromSql($"SELECT * FROM \"jak_users\" WHERE \"ApplicationId\" = {applicationId} AND \"Roles\" LIKE {pattern}")
                .Where(u => u.ApplicationId == applicationId)
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

    public async Task<IReadOnlySet<string>> CreateManyAsync(string applicationId, IReadOnlyList<User> users, CancellationToken cancellationToken)
    {
        // One transaction per batch: a row costs an insert, not a commit. A concurrent sign-up of the same address between
        // the look-up and the insert fails the batch on the unique index; it is then retried with a fresh look-up.
        for (var attempt = 0; ; attempt++)
        {
            await using var db = contexts.Create();
            await using var transaction = await contexts.BeginWriteAsync(db, cancellationToken);
            var emails = users.Select(u => u.Email).ToList();
            var existing = (await db.Set<User>().AsNoTracking()
                .Where(u => u.ApplicationId == applicationId && emails.Contains(u.Email))
                .Select(u => u.Email).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.AddRange(users.Where(u => !existing.Contains(u.Email)));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return existing;
            }
            catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex) && attempt < 3)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
        }
    }

    public async IAsyncEnumerable<User> ListAllAsync(string applicationId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Keyset pages by id (UUID v7, so creation order): each page is its own short query, and a user created meanwhile
        // neither repeats nor shifts another one.
        const int pageSize = 1000;
        string? after = null;
        while (true)
        {
            List<User> page;
            await using (var db = contexts.Create())
            {
                var query = db.Set<User>().AsNoTracking().Where(u => u.ApplicationId == applicationId);
                if (after is not null)
                {
#pragma warning disable CA1309 // Translated to SQL "Id > @after"; ids are ASCII, compared byte by byte.
                    query = query.Where(u => string.Compare(u.Id, after) > 0);
#pragma warning restore CA1309
                }

                page = await query.OrderBy(u => u.Id).Take(pageSize).ToListAsync(cancellationToken);
            }

            foreach (var user in page)
            {
                yield return user;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }
}
