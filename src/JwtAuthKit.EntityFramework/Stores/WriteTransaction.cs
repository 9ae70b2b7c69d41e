using Microsoft.EntityFrameworkCore.Storage;

namespace JwtAuthKit.EntityFramework.Stores;

/// <summary>
/// A store's write transaction, holding this process's SQLite writer turn (if any) until it ends: see
/// <see cref="JwtAuthKitContextSource{TContext}.BeginWriteAsync"/>. Disposing it without a commit rolls back, as
/// EF Core's transaction does, and then gives the turn to the next writer.
/// </summary>
internal sealed class WriteTransaction(IDbContextTransaction transaction, SemaphoreSlim? turn) : IAsyncDisposable
{
    private SemaphoreSlim? _turn = turn;

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public Task RollbackAsync(CancellationToken cancellationToken) => transaction.RollbackAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            Interlocked.Exchange(ref _turn, null)?.Release();
        }
    }
}
