using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JwtAuthKit.OneTimeTokens;

/// <summary>
/// Runs the per-address part of an email request (finding the account, then sending or rehearsing the mail) after
/// the caller has been answered, so the answer's time cannot tell whether the address has an account: forgot
/// password, resend, magic link and email code all answer 202 after the same input checks, whatever the address.
/// <para>
/// Requests are spread over one lane per processor by address: one address's requests run in order (so the
/// per-address mail caps stay exact), different addresses in parallel. A full lane makes the caller wait for room,
/// so nothing is dropped. When the queue is not running (a host that was never started, or one shutting down) the
/// work runs inline. On shutdown the queued work is finished before the delivery service stops.
/// </para>
/// </summary>
internal sealed partial class AddressRequestQueue(ILogger<AddressRequestQueue> logger) : IHostedService, IDisposable
{
    private const int LaneCapacity = 256;

    private readonly Channel<Func<CancellationToken, Task>>[] _lanes = Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount))
        .Select(_ => Channel.CreateBounded<Func<CancellationToken, Task>>(new BoundedChannelOptions(LaneCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        }))
        .ToArray();

    private readonly CancellationTokenSource _abandon = new();
    private Task[] _readers = [];
    private volatile bool _running;
    private int _pending;

    /// <summary>
    /// Queues <paramref name="work"/> for <paramref name="address"/> and returns once it is queued (or, when the queue
    /// is not running, once it has run). The work gets its own cancellation token: the request's answer does not end it.
    /// </summary>
    public async Task RunAfterAnswerAsync(string address, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        if (_running)
        {
            var lane = _lanes[(int)((uint)StringComparer.Ordinal.GetHashCode(address) % (uint)_lanes.Length)];
            Interlocked.Increment(ref _pending);
            try
            {
                await lane.Writer.WriteAsync(work, cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is ChannelClosedException or OperationCanceledException)
            {
                Interlocked.Decrement(ref _pending);
                if (ex is OperationCanceledException)
                {
                    throw;
                }

                // Shutting down: fall through and do the work now.
            }
        }

        await work(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _readers = _lanes.Select(lane => Task.Run(() => ReadAsync(lane.Reader))).ToArray();
        _running = true;
        return Task.CompletedTask;
    }

    /// <summary>Stops taking work, then finishes what is queued unless the host's shutdown time runs out.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _running = false;
        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }

        try
        {
            await Task.WhenAll(_readers).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _abandon.CancelAsync();
        }
    }

    private async Task ReadAsync(ChannelReader<Func<CancellationToken, Task>> reader)
    {
        await foreach (var work in reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await work(_abandon.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !_abandon.IsCancellationRequested)
            {
                // The exception's type and message only: the address is not logged.
                LogRequestFailed(logger, ex.GetType().Name, ex.Message);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    /// <summary>Completes when nothing is queued or running (for tests that move a fake clock between requests).</summary>
    internal async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _pending) > 0)
        {
            await Task.Delay(2, cancellationToken);
        }
    }

    public void Dispose() => _abandon.Dispose();

    [LoggerMessage(EventId = 2301, Level = LogLevel.Error, Message = "An email request could not be processed ({ExceptionType}: {ExceptionMessage}); the caller was already answered and may ask again")]
    private static partial void LogRequestFailed(ILogger logger, string exceptionType, string exceptionMessage);
}
