using System.Collections.Concurrent;
using JwtAuthKit.Sessions;
using JwtAuthKit.EntityFramework.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace JwtAuthKit.EntityFramework.Stores;

/// <summary>
/// Group commit of refresh-token rotations on SQLite. SQLite has one writer at a time, so under load every rotation
/// waited for the writer turn and then spent it on its own <c>BEGIN IMMEDIATE</c>, three statements, the WAL frames of
/// the same few pages and a <c>COMMIT</c>. Here the rotations that arrive while the writer is busy wait in a queue, and
/// one drainer runs each queue's worth in a single write transaction: one command per rotation
/// (<see cref="SqliteRotationStatement"/>: the conditional consume, the successor and the session's use), then one commit.
/// Each caller's task completes only after that commit.
/// <para>
/// The single-winner rule is the conditional update's, as on every database: of two rotations of one token only the
/// first to run changes its row, whether they share a batch or not, and the whole batch holds SQLite's file-wide write
/// lock (<c>BEGIN IMMEDIATE</c>), so no other writer, in this process or another, runs in between. Should a batch
/// fail, each of its rotations is tried again on its own, so one bad rotation does not fail the others.
/// </para>
/// </summary>
internal sealed partial class SqliteRotationBatch<TContext>(JwtAuthKitContextSource<TContext> contexts, ILogger logger) : IDisposable
    where TContext : DbContext
{
    /// <summary>The event each rotation on the dedicated writer is logged with (at Debug, with its SQL).</summary>
    public const int RotationExecutedEventId = 3102;

    // Bounds a transaction's size; the queue rarely holds more on two cores.
    internal const int MaxBatch = 64;

    private readonly ConcurrentQueue<PendingRotation> _queue = new();
    private SqliteRotationStatement? _statement;
    private SqliteRotationWriter? _writer;
    private bool _noWriter;
    private bool _disposed;
    private int _draining;

    public Task<bool> RotateAsync(string consumedTokenId, DateTimeOffset consumedAt, byte[] sealedSuccessor, RefreshToken successor, CancellationToken cancellationToken)
    {
        var pending = new PendingRotation(consumedTokenId, consumedAt, sealedSuccessor, successor);
        _queue.Enqueue(pending);
        if (Interlocked.Exchange(ref _draining, 1) == 0)
        {
            // A drainer of its own, so this request is answered when its batch commits, not when the queue is empty.
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        // A caller that gives up stops waiting; its rotation may still commit, as when a client disconnects after it.
        return pending.Result.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            if (_queue.IsEmpty)
            {
                Volatile.Write(ref _draining, 0);
                // A rotation enqueued after the check above but before the write saw a drainer still running: take it.
                if (_queue.IsEmpty || Interlocked.Exchange(ref _draining, 1) != 0)
                {
                    return;
                }
            }

            List<PendingRotation> batch = [];
            try
            {
                var won = await CommitAsync(batch, fillFromQueue: true);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Result.TrySetResult(won[i]);
                }
            }
            catch (Exception) when (batch.Count > 1)
            {
                foreach (var pending in batch)
                {
                    await RotateAloneAsync(pending);
                }
            }
            catch (Exception ex)
            {
                // No context or no transaction (the database is gone, the host is stopping): what waits now fails
                // rather than being retried in a loop.
                while (batch.Count < MaxBatch && _queue.TryDequeue(out var pending))
                {
                    batch.Add(pending);
                }

                foreach (var pending in batch)
                {
                    pending.Result.TrySetException(ex);
                }
            }
        }
    }

    private async Task RotateAloneAsync(PendingRotation pending)
    {
        try
        {
            pending.Result.TrySetResult((await CommitAsync([pending], fillFromQueue: false))[0]);
        }
        catch (Exception ex)
        {
            pending.Result.TrySetException(ex);
        }
    }

    /// <summary>
    /// One write transaction of <paramref name="batch"/>, topped up from the queue once the writer turn is taken when
    /// <paramref name="fillFromQueue"/>: whatever queued while the writer was busy goes in it. On a SQLite file it runs
    /// on the dedicated <see cref="SqliteRotationWriter"/>; otherwise (an in-memory database) on a context.
    /// </summary>
    private async Task<bool[]> CommitAsync(List<PendingRotation> batch, bool fillFromQueue)
    {
        if (Writer() is { } writer)
        {
            using var turn = await contexts.TakeWriterTurnAsync(CancellationToken.None);
            if (fillFromQueue)
            {
                Fill(batch);
            }

            try
            {
                writer.Begin();
                var won = new bool[batch.Count];
                for (var i = 0; i < batch.Count; i++)
                {
                    // In order: the second request for one token in this batch finds it consumed, as it would one batch later.
                    won[i] = writer.Rotate(batch[i].ConsumedTokenId, batch[i].ConsumedAt, batch[i].SealedSuccessor, batch[i].Successor);
                    LogRotation(logger, writer.RotationSql);
                }

                writer.Commit();
                return won;
            }
            catch
            {
                _writer = null;
                writer.Dispose(); // Rolls back; the next batch opens a new connection.
                throw;
            }
        }

        await using var db = contexts.Create();
        await using var transaction = await contexts.BeginWriteAsync(db, CancellationToken.None);
        if (fillFromQueue)
        {
            Fill(batch);
        }

        var written = await WriteAsync(db, batch);
        await transaction.CommitAsync(CancellationToken.None);
        return written;
    }

    private void Fill(List<PendingRotation> batch)
    {
        while (batch.Count < MaxBatch && _queue.TryDequeue(out var pending))
        {
            batch.Add(pending);
        }
    }

    /// <summary>The dedicated writer, opened on first use; null when the context is not on a SQLite file.</summary>
    private SqliteRotationWriter? Writer()
    {
        if (_writer is { } open)
        {
            return open;
        }

        if (_noWriter || Volatile.Read(ref _disposed))
        {
            return null;
        }

        using var db = contexts.Create();
        if (SqliteDedicatedConnection.ConnectionString(db) is not { } connectionString)
        {
            _noWriter = true;
            return null;
        }

        return _writer = new SqliteRotationWriter(connectionString, _statement ??= SqliteRotationStatement.For(db));
    }

    /// <summary>
    /// Closes the writer inside the writer turn, so no batch is mid-statement on it. A batch that holds the turn longer
    /// than the wait (another process holding the file's lock) leaves the connection to the process's exit.
    /// </summary>
    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        using var turn = contexts.TryTakeWriterTurn(TimeSpan.FromSeconds(5));
        if (turn is not null)
        {
            _writer?.Dispose();
            _writer = null;
        }
    }

    /// <summary>Writes the rotations that win, inside the caller's write transaction; whether each one won.</summary>
    private async Task<bool[]> WriteAsync(TContext db, IReadOnlyList<PendingRotation> batch)
    {
        var statement = _statement ??= SqliteRotationStatement.For(db);
        var won = new bool[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            // In order: the second request for one token in this batch finds it consumed, as it would one batch later.
            var rotation = batch[i];
            var changed = await db.Database.ExecuteSqlRawAsync(
                statement.Sql, statement.Arguments(rotation.ConsumedTokenId, rotation.ConsumedAt, rotation.SealedSuccessor, rotation.Successor), CancellationToken.None);
            won[i] = changed > 0;
        }

        return won;
    }

    private sealed class PendingRotation(string consumedTokenId, DateTimeOffset consumedAt, byte[] sealedSuccessor, RefreshToken successor)
    {
        public string ConsumedTokenId { get; } = consumedTokenId;

        public DateTimeOffset ConsumedAt { get; } = consumedAt;

        public byte[] SealedSuccessor { get; } = sealedSuccessor;

        public RefreshToken Successor { get; } = successor;

        // Asynchronous continuations: the drainer goes on to the next batch instead of running each caller's rest.
        public TaskCompletionSource<bool> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(EventId = RotationExecutedEventId, Level = LogLevel.Debug, Message = "Executed prepared rotation\n{Sql}")]
    private static partial void LogRotation(ILogger logger, string sql);
}
