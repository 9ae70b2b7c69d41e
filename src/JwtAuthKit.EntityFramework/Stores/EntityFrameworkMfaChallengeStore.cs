using JwtAuthKit.Mfa;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Stores;

internal sealed class EntityFrameworkMfaChallengeStore<TContext>(JwtAuthKitContextSource<TContext> contexts) : IMfaChallengeStore
    where TContext : DbContext
{
    public async Task CreateAsync(MfaChallenge challenge, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        await using var transaction = await contexts.BeginWriteAsync(db, cancellationToken);

        // Only the newest second step works: minting tokens with the password does not multiply the five tries.
        await db.Set<MfaChallenge>()
            .Where(c => c.UserId == challenge.UserId && c.ApplicationId == challenge.ApplicationId && c.ConsumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumedAt, challenge.CreatedAt), cancellationToken);
        db.Add(challenge);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<MfaChallenge?> FindByTokenHashAsync(string tokenHash, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<MfaChallenge>().AsNoTracking().FirstOrDefaultAsync(c => c.TokenHash == tokenHash, cancellationToken);
    }

    public async Task<bool> TryTakeAttemptAsync(string id, int maxAttempts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<MfaChallenge>()
            .Where(c => c.Id == id && c.ConsumedAt == null && c.ExpiresAt > now && c.Attempts < maxAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Attempts, c => c.Attempts + 1), cancellationToken) == 1;
    }

    public async Task<bool> TryConsumeAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<MfaChallenge>()
            .Where(c => c.Id == id && c.ConsumedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumedAt, now), cancellationToken) == 1;
    }
}
