namespace JwtAuthKit.Caching;

/// <summary>
/// The change feed of a database that cannot push (SQLite, an application's own store): nothing is announced, so the
/// consumer polls every interval and the caches of applications and keys expire on their own lifetimes.
/// </summary>
internal sealed class PollingChangeFeed(TimeProvider time) : IChangeFeed
{
    public async Task<ChangeKinds> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await Task.Delay(timeout, time, cancellationToken);
        return ChangeKinds.None;
    }
}
