using System.Collections.Concurrent;
using JwtAuthKit.Sessions;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Stores;

/// <summary>
/// Group commit of refresh-token rotations on SQLite. SQLite has one writer at a time, so under load every rotation
/// waited for the writer turn and then spent it on its own <c>BEGIN IMMEDIATE</c>, three statements, the WAL frames of
/// the same few pages and a <c>COMMIT</c>. Here the rotations that arrive while the writer is busy wait in a queue, and
/// one drainer runs each queue's worth in a single write transaction: one read of which of the presented tokens are
/// still unconsumed, then one <c>SaveChanges</c> with every winner's update, successor and session use, then one commit.
/// Each caller's task completes only after that commit.
/// <para>
/// The single-winner rule holds as it does with the conditional update: the read and the writes are inside one
/// <c>BEGIN IMMEDIATE</c> transaction, which holds SQLite's write lock for the whole file, so no other writer (in this
/// process or another) can consume a token between them; and a token presented twice in one batch is rotated by the
/// first request only. Should a batch fail, each of its rotations is tried again on its own, so one bad rotation does not
/// fail the others.
/// </para>
/// </summary>
internal sealed class SqliteRotationBatch<TContext>(JwtAuthKitContextSource<TContext> contexts)
    where TContext : DbContext
{
    // Bounds a transaction's size (and the parameter count of its read); the queue rarely holds more on two cores.
    internal const int MaxBatch = 64;

    private readonly ConcurrentQueue<PendingRotation> _queue = new();
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
                await using var db = contexts.Create();
                // The turn first, then the batch: whatever queued while the writer was busy goes in this transaction.
                await using var transaction = await contexts.BeginWriteAsync(db, CancellationToken.None);
                while (batch.Count < MaxBatch && _queue.TryDequeue(out var pending))
                {
                    batch.Add(pending);
                }

                var won = await WriteAsync(db, batch);
                await transaction.CommitAsync(CancellationToken.None);
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
            await using var db = contexts.Create();
            await using var transaction = await contexts.BeginWriteAsync(db, CancellationToken.None);
            var won = await WriteAsync(db, [pending]);
            await transaction.CommitAsync(CancellationToken.None);
            pending.Result.TrySetResult(won[0]);
        }
        catch (Exception ex)
        {
            pending.Result.TrySetException(ex);
        }
    }

    /// <summary>Writes the rotations that win, inside the caller's write transaction; whether each one won.</summary>
    private static async Task<bool[]> WriteAsync(TContext db, IReadOnlyList<PendingRotation> batch)
    {
        var presented = batch.Select(p => p.ConsumedTokenId).Distinct(StringComparer.Ordinal).ToList();
        var unconsumed = (await db.Set<RefreshToken>().AsNoTracking()
            .Where(t => presented.Contains(t.Id) && t.ConsumedAt == null)
            .Select(t => t.Id)
            .ToListAsync(CancellationToken.None)).ToHashSet(StringComparer.Ordinal);

        var won = new bool[batch.Count];
        var sessions = new Dictionary<string, Session>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
        {
            var rotation = batch[i];
            // Remove: the second request for one token in this batch finds it consumed, as it would one batch later.
            if (!unconsumed.Remove(rotation.ConsumedTokenId))
            {
                continue;
            }

            won[i] = true;
            var consumed = new RefreshToken { Id = rotation.ConsumedTokenId, SessionId = rotation.Successor.SessionId, TokenHash = string.Empty };
            db.Attach(consumed);
            consumed.ConsumedAt = rotation.ConsumedAt;
            consumed.SealedSuccessor = rotation.SealedSuccessor;

            db.Add(rotation.Successor);
            if (!sessions.TryGetValue(rotation.Successor.SessionId, out var session))
            {
                session = new Session { Id = rotation.Successor.SessionId, ApplicationId = string.Empty, UserId = string.Empty, AuthenticationMethods = string.Empty };
                db.Attach(session);
                sessions.Add(session.Id, session);
            }

            if (session.LastUsedAt < rotation.ConsumedAt)
            {
                session.LastUsedAt = rotation.ConsumedAt;
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
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
}
