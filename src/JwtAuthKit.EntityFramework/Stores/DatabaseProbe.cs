using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Stores;

/// <summary>Checks the stores' database for readiness, whatever the provider.</summary>
internal interface IDatabaseProbe
{
    Task<JwtAuthKitDatabaseStatus> CheckAsync(CancellationToken cancellationToken);
}

/// <inheritdoc />
internal sealed class DatabaseProbe<TContext>(JwtAuthKitContextSource<TContext> contexts) : IDatabaseProbe
    where TContext : DbContext
{
    public async Task<JwtAuthKitDatabaseStatus> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = contexts.Create();
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return new JwtAuthKitDatabaseStatus(false, [], "The database cannot be reached.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return new JwtAuthKitDatabaseStatus(true, pending, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The type only: a provider's message may name the server, a user or a file path.
            return new JwtAuthKitDatabaseStatus(false, [], ex.GetType().Name);
        }
    }
}
