namespace JwtAuthKit.Email;

/// <summary>Wakes this node's delivery service when a message is queued, so mail leaves at once, not at the next poll.</summary>
internal sealed class EmailOutboxSignal(TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up drains everything due.
        }
    }

    /// <summary>Waits for a signal or until <paramref name="timeout"/> passes on the <see cref="TimeProvider"/>'s clock.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signalled = _signal.WaitAsync(stop.Token);
        var elapsed = Task.Delay(timeout, time, stop.Token);
        await Task.WhenAny(signalled, elapsed);
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose() => _signal.Dispose();
}
