using JwtAuthKit.Mfa;
using JwtAuthKit.Users;
using JwtAuthKit.EntityFramework.Providers;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Stores;

internal sealed class EntityFrameworkSecondFactorStore<TContext>(JwtAuthKitContextSource<TContext> contexts) : ISecondFactorStore
    where TContext : DbContext
{
    public async Task<TotpEnrollment?> FindAsync(string applicationId, string userId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<TotpEnrollment>().AsNoTracking().FirstOrDefaultAsync(e => e.UserId == userId && e.ApplicationId == applicationId, cancellationToken);
    }

    public async Task<bool> SavePendingAsync(TotpEnrollment enrollment, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        await using var transaction = await contexts.BeginWriteAsync(db, cancellationToken);
        var existing = await db.Set<TotpEnrollment>().FirstOrDefaultAsync(e => e.UserId == enrollment.UserId, cancellationToken);
        if (existing is not null)
        {
            if (existing.ConfirmedAt is not null || existing.ApplicationId != enrollment.ApplicationId)
            {
                return false;
            }

            db.Remove(existing);
            await db.SaveChangesAsync(cancellationToken);
        }

        db.Add(enrollment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            return false; // A concurrent setup stored its enrolment first.
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> ConfirmAsync(string applicationId, string userId, long timeStep, IReadOnlyList<RecoveryCode> codes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        await using var transaction = await contexts.BeginWriteAsync(db, cancellationToken);
        var confirmed = await db.Set<TotpEnrollment>()
            .Where(e => e.UserId == userId && e.ApplicationId == applicationId && e.ConfirmedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ConfirmedAt, now).SetProperty(e => e.LastUsedTimeStep, timeStep), cancellationToken);
        if (confirmed != 1)
        {
            return false;
        }

        await db.Set<RecoveryCode>().Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        db.AddRange(codes);
        await db.SaveChangesAsync(cancellationToken);
        await SetMfaEnabledAsync(db, applicationId, userId, true, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> TryUseTimeStepAsync(string applicationId, string userId, long timeStep, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<TotpEnrollment>()
            .Where(e => e.UserId == userId && e.ApplicationId == applicationId && e.ConfirmedAt != null && e.LastUsedTimeStep < timeStep)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastUsedTimeStep, timeStep), cancellationToken) == 1;
    }

    public async Task<bool> TryUseRecoveryCodeAsync(string applicationId, string userId, string codeHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<RecoveryCode>()
            .Where(c => c.UserId == userId && c.ApplicationId == applicationId && c.CodeHash == codeHash && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), cancellationToken) == 1;
    }

    public async Task<bool> ReplaceRecoveryCodesAsync(string applicationId, string userId, IReadOnlyList<RecoveryCode> codes, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        await using var transaction = await contexts.BeginWriteAsync(db, cancellationToken);
        if (!await db.Set<TotpEnrollment>().AnyAsync(e => e.UserId == userId && e.ApplicationId == applicationId && e.ConfirmedAt != null, cancellationToken))
        {
            return false;
        }

        await db.Set<RecoveryCode>().Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        db.AddRange(codes);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<int> CountUnusedRecoveryCodesAsync(string applicationId, string userId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<RecoveryCode>().CountAsync(c => c.UserId == userId && c.ApplicationId == applicationId && c.UsedAt == null, cancellationToken);
    }

    public async Task<bool> RemoveAsync(string applicationId, string userId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        await using var transaction = await contexts.BeginWriteAsync(db, cancellationToken);
        var removed = await db.Set<TotpEnrollment>().Where(e => e.UserId == userId && e.ApplicationId == applicationId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<RecoveryCode>().Where(c => c.UserId == userId && c.ApplicationId == applicationId).ExecuteDeleteAsync(cancellationToken);
        await SetMfaEnabledAsync(db, applicationId, userId, false, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return removed > 0;
    }

    // The user's flag changes with the enrolment, in its transaction; a new stamp makes copies read before it stale.
    private static Task<int> SetMfaEnabledAsync(DbContext db, string applicationId, string userId, bool enabled, CancellationToken cancellationToken)
    {
        var stamp = Guid.NewGuid().ToString("N");
        return db.Set<User>()
            .Where(u => u.Id == userId && u.ApplicationId == applicationId && u.MfaEnabled != enabled)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.MfaEnabled, enabled).SetProperty(u => u.ConcurrencyStamp, stamp), cancellationToken);
    }
}
