using JwtAuthKit.Caching;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace JwtAuthKit.EntityFramework.PostgreSql;

/// <summary>
/// The change feed pushed by PostgreSQL: one connection per node listens on <c>jak_changes</c>, where the triggers of the
/// PostgreSQL migrations announce every committed revocation, role change, application, key or settings change and
/// signing-key change, whoever made it. A notification wakes the consumer at once; when the listening connection is
/// lost, the feed reconnects and announces everything once, and meanwhile the consumer's poll interval still holds.
/// </summary>
internal sealed partial class PostgreSqlChangeFeed(PostgreSqlConnectionString connectionString, TimeProvider time, ILogger<PostgreSqlChangeFeed> logger)
    : BackgroundService, IChangeFeed
{
    internal const string Channel = "jak_changes";
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private ChangeKinds _pending;
    private TaskCompletionSource _announced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<ChangeKinds> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task announced;
        lock (_gate)
        {
            if (_pending != ChangeKinds.None)
            {
                return Take();
            }

            announced = _announced.Task;
        }

        using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, stopDelay.Token);
        await Task.WhenAny(announced, delay);
        await stopDelay.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Take();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listening = new NpgsqlConnectionStringBuilder(connectionString.Value) { Pooling = false, KeepAlive = 30 }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listening);
                connection.Notification += (_, e) => Announce(Parse(e.Payload));
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Whatever changed while no one listened (at start, after an outage) is read by the next poll.
                Announce(ChangeKinds.All);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                LogListenFailed(logger, ex);
                try
                {
                    await Task.Delay(ReconnectDelay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static ChangeKinds Parse(string payload) => payload switch
    {
        "sessions" => ChangeKinds.Sessions,
        "roles" => ChangeKinds.Roles,
        "applications" => ChangeKinds.Applications,
        "signing_keys" => ChangeKinds.SigningKeys,
        _ => ChangeKinds.All,
    };

    private void Announce(ChangeKinds changed)
    {
        lock (_gate)
        {
            _pending |= changed;
            _announced.TrySetResult();
        }
    }

    private ChangeKinds Take()
    {
        var changed = _pending;
        _pending = ChangeKinds.None;
        if (_announced.Task.IsCompleted)
        {
            _announced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return changed;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Listening for changes on PostgreSQL failed; reconnecting (polling goes on meanwhile).")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}
