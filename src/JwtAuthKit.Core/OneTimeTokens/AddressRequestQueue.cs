using System.Threading.Channels;
using JwtAuthKit.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JwtAuthKit.OneTimeTokens;

/// <summary>
/// Runs the per-address part of an email request (finding the account, then sending or rehearsing the mail) after
/// the caller has been answered, so the answer's time cannot tell whether the address has an account: forgot
/// password, resend, magic link and email code all answer 202 after the same input checks, whatever the address.
/// <para>
/// The work starts only once the answer has been sent (<see cref="ICallerAnswer"/>; for HTTP, when the response is
/// complete), not merely once it is queued: work that started at once would share the processor with the answer still
/// being written, and an address with an account does more of it (a real send wakes the outbox), which the answer's
/// time showed (about 1 ms on 3 ms, issue 12). Then it waits <see cref="AfterAnswer"/> more: a caller on the same
/// machine still reading the answer shared the processors with the work (a 0.5 ms answer took 2.7–3.4 ms to read).
/// </para>
/// <para>
/// Requests are spread over one lane per processor by address: one address's requests run in order (so the
/// per-address mail caps stay exact), different addresses in parallel. A full lane makes the caller wait for room,
/// so nothing is dropped. When the queue is not running (a host that was never started, or one shutting down) the
/// work runs inline. On shutdown the queued work is finished before the delivery service stops.
/// </para>
/// </summary>
internal sealed partial class AddressRequestQueue(ICallerAnswer answer, ILogger<AddressRequestQueue> logger) : IHostedService, IDisposable
{
    private const int LaneCapacity = 256;

    /// <summary>
    /// How long work waits for its caller's answer to be sent before it runs anyway (a stuck connection). Real time, not
    /// the <see cref="TimeProvider"/>: it bounds a wait on the network, and a fake clock would make it never end.
    /// </summary>
    private static readonly TimeSpan AnswerPatience = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long work waits after its caller's answer was sent, real time: the answer's bytes are on their way, and a
    /// caller on the same machine is still reading them on the processors the work would take.
    /// </summary>
    internal static readonly TimeSpan AfterAnswer = TimeSpan.FromMilliseconds(5);

    private readonly Channel<Request>[] _lanes = Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount))
        .Select(_ => Channel.CreateBounded<Request>(new BoundedChannelOptions(LaneCapacity)
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
    /// is not running, once it has run). The work starts once the caller's answer has been sent, and gets its own
    /// cancellation token: the request's answer does not end it.
    /// </summary>
    public async Task RunAfterAnswerAsync(string address, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        if (_running)
        {
            var lane = _lanes[(int)((uint)StringComparer.Ordinal.GetHashCode(address) % (uint)_lanes.Length)];
            Interlocked.Increment(ref _pending);
            try
            {
                await lane.Writer.WriteAsync(new Request(answer.WhenAnswerSent(), work), cancellationToken);
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

    private async Task ReadAsync(ChannelReader<Request> reader)
    {
        await foreach (var request in reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                await WhenAnsweredAsync(request.AnswerSent);
                await request.Work(_abandon.Token);
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

    /// <summary>Waits for the caller's answer to be sent, at most <see cref="AnswerPatience"/>; ends early on abandon.</summary>
    private async Task WhenAnsweredAsync(Task answerSent)
    {
        if (answerSent.IsCompleted)
        {
            return; // no caller to answer (a worker, a command): nothing to keep apart from
        }

        try
        {
            await answerSent.WaitAsync(AnswerPatience, _abandon.Token);
            await Task.Delay(AfterAnswer, _abandon.Token);
        }
        catch (TimeoutException)
        {
            // The answer is not out after this long: the time it takes can no longer hide anything, so run the work.
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

    /// <summary>A queued request: the task of its caller's answer being sent, and the per-address work.</summary>
    private readonly record struct Request(Task AnswerSent, Func<CancellationToken, Task> Work);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Error, Message = "An email request could not be processed ({ExceptionType}: {ExceptionMessage}); the caller was already answered and may ask again")]
    private static partial void LogRequestFailed(ILogger logger, string exceptionType, string exceptionMessage);
}
