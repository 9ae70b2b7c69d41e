using JwtAuthKit.Email;
using JwtAuthKit.OneTimeTokens;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Stores;

internal sealed class EntityFrameworkOneTimeTokenStore<TContext>(JwtAuthKitContextSource<TContext> contexts) : IOneTimeTokenStore
    where TContext : DbContext
{
    public Task CreateWithMessageAsync(OneTimeToken token, EmailMessage message, CancellationToken cancellationToken) =>
        WriteAsync(token, message, commit: true, cancellationToken);

    public Task RehearseCreateWithMessageAsync(OneTimeToken token, EmailMessage message, CancellationToken cancellationToken) =>
        WriteAsync(token, message, commit: false, cancellationToken);

    public async Task<OneTimeToken?> FindBySecretHashAsync(string secretHash, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<OneTimeToken>().AsNoTracking().FirstOrDefaultAsync(t => t.SecretHash == secretHash, cancellationToken);
    }

    public async Task<OneTimeToken?> FindActiveCodeAsync(string applicationId, string email, string purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<OneTimeToken>().AsNoTracking()
            .Where(t => t.ApplicationId == applicationId && t.Email == email && t.Purpose == purpose && t.ConsumedAt == null && t.ExpiresAt > now && t.CodeHash != null)
            .OrderByDescending(t => t.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<bool> TryConsumeAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<OneTimeToken>()
            .Where(t => t.Id == id && t.ConsumedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, now), cancellationToken) == 1;
    }

    public async Task<bool> TryTakeAttemptAsync(string id, int maxAttempts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        return await db.Set<OneTimeToken>()
            .Where(t => t.Id == id && t.ConsumedAt == null && t.ExpiresAt > now && t.FailedAttempts < maxAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.FailedAttempts, t => t.FailedAttempts + 1), cancellationToken) == 1;
    }

    private async Task WriteAsync(OneTimeToken token, EmailMessage message, bool commit, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create();
        await using var transaction = await contexts.BeginWriteAsync(db, cancellationToken);

        // Only the newest link or code of a purpose works. A rehearsal runs the same statement matching nothing, so a
        // live token of a throttled address stays usable.
        var purpose = commit ? token.Purpose : "";
        await db.Set<OneTimeToken>()
            .Where(t => t.ApplicationId == token.ApplicationId && t.Email == token.Email && t.Purpose == purpose && t.ConsumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, token.CreatedAt), cancellationToken);
        db.Add(token);
        db.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        if (!commit)
        {
            // A rehearsal writes and removes the rows and commits, so it costs what a real write costs (a commit, not a
            // cheaper rollback), and leaves nothing behind.
            await db.Set<EmailMessage>().Where(m => m.Id == message.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Set<OneTimeToken>().Where(t => t.Id == token.Id).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
