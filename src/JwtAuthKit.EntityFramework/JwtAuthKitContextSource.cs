using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JwtAuthKit.EntityFramework;

/// <summary>
/// Creates the short-lived contexts JwtAuthKit's stores work in, from the options the application registered for
/// <typeparamref name="TContext"/> (<c>AddDbContext</c>, <c>AddDbContextFactory</c>, or JwtAuthKit's own <c>UseSqlite</c>).
/// JwtAuthKit's own queries log their SQL at Debug, not Information: its background polls run every few seconds, and an
/// idle application should be quiet. The application's own use of the context keeps its own logging.
/// </summary>
internal sealed class JwtAuthKitContextSource<TContext>(IServiceProvider services) : IDisposable
    where TContext : DbContext
{
    private readonly Lazy<IDbContextFactory<TContext>> _factory = new(() => Build(services));
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);
    private int _writersTakeTurns = -1;

    public TContext Create() => _factory.Value.CreateDbContext();

    /// <summary>Whether the database is SQLite, whose writers take turns (<see cref="BeginWriteAsync"/>).</summary>
    public bool WritersTakeTurns
    {
        get
        {
            if (_writersTakeTurns < 0)
            {
                using var db = Create();
                _writersTakeTurns = db.Database.IsSqlite() ? 1 : 0;
            }

            return _writersTakeTurns == 1;
        }
    }

    /// <summary>
    /// Begins a transaction that will write. SQLite has one writer at a time: a second <c>BEGIN IMMEDIATE</c> fails
    /// with <c>SQLITE_BUSY</c> and its connection sleeps in SQLite's busy handler (1, 2, 5, 10 … 100 ms) before trying
    /// again, so under load most of a write transaction's time was sleep (a refresh profile: two thirds of its samples in
    /// <c>BEGIN</c>). On SQLite the transactions of this process therefore take turns first, in order, without sleeping;
    /// other processes on the same file, and writes outside a transaction, still meet the busy handler. PostgreSQL locks
    /// rows, not the database, and gets no turn.
    /// </summary>
    public async Task<Stores.WriteTransaction> BeginWriteAsync(TContext db, CancellationToken cancellationToken)
    {
        var turn = WritersTakeTurns ? _sqliteWriter : null;
        if (turn is not null)
        {
            await turn.WaitAsync(cancellationToken);
        }

        try
        {
            return new Stores.WriteTransaction(await db.Database.BeginTransactionAsync(cancellationToken), turn);
        }
        catch
        {
            turn?.Release();
            throw;
        }
    }

    /// <summary>
    /// Waits for this process's SQLite writer turn (the one <see cref="BeginWriteAsync"/> takes) for a write on a
    /// connection of the caller's own; disposing the result gives the turn back.
    /// </summary>
    public async Task<IDisposable> TakeWriterTurnAsync(CancellationToken cancellationToken)
    {
        await _sqliteWriter.WaitAsync(cancellationToken);
        return new WriterTurn(_sqliteWriter);
    }

    /// <summary>The writer turn if it comes within <paramref name="timeout"/> (for shutdown); null if not, or if this source is gone.</summary>
    public IDisposable? TryTakeWriterTurn(TimeSpan timeout)
    {
        try
        {
            return _sqliteWriter.Wait(timeout) ? new WriterTurn(_sqliteWriter) : null;
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        _sqliteWriter.Dispose();
        if (_factory.IsValueCreated && _factory.Value is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    private static IDbContextFactory<TContext> Build(IServiceProvider services)
    {
        // The options may be registered as scoped (AddDbContext's default); they are immutable, so one copy serves.
        DbContextOptions<TContext> registered;
        using (var scope = services.CreateScope())
        {
            registered = scope.ServiceProvider.GetService<DbContextOptions<TContext>>()
                ?? throw new InvalidOperationException(
                    $"JwtAuthKit's stores need {typeof(TContext).Name} registered: call AddDbContext<{typeof(TContext).Name}>(…) or "
                    + $"AddDbContextFactory<{typeof(TContext).Name}>(…) before the application starts, or use UseSqlite(…).");
        }

        // The options read through a scope point at that scope's services; JwtAuthKit's contexts live beside the root.
        var options = new DbContextOptionsBuilder<TContext>(registered)
            .UseApplicationServiceProvider(services)
            .ConfigureWarnings(w => w.Log((RelationalEventId.CommandExecuted, LogLevel.Debug), (CoreEventId.ContextInitialized, LogLevel.Debug)))
            .AddInterceptors(Stores.UserSearchName.Instance)
            .Options;

        // JwtAuthKit's own context holds no state beyond its options, so it is pooled; an application's context may hold more.
        if (services.GetService<PooledJwtAuthKitContext<TContext>>() is not null)
        {
            return new PooledDbContextFactory<TContext>(options);
        }

        var create = ActivatorUtilities.CreateFactory<TContext>([typeof(DbContextOptions<TContext>)]);
        return new ActivatedFactory(() => create(services, [options]));
    }

    private sealed class WriterTurn(SemaphoreSlim turn) : IDisposable
    {
        private SemaphoreSlim? _turn = turn;

        public void Dispose() => Interlocked.Exchange(ref _turn, null)?.Release();
    }

    private sealed class ActivatedFactory(Func<TContext> create) : IDbContextFactory<TContext>
    {
        public TContext CreateDbContext() => create();
    }
}

/// <summary>Marks a context that JwtAuthKit owns and may pool.</summary>
internal sealed class PooledJwtAuthKitContext<TContext>
    where TContext : DbContext;
