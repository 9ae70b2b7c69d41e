using System.Collections.Concurrent;

namespace JwtAuthKit.Caching;

/// <summary>
/// A small in-memory cache whose entries expire on the <see cref="TimeProvider"/>'s clock (so tests move time instead of
/// waiting), with a bound on its size: when full it starts over, so a flood of distinct keys cannot grow memory.
/// <see cref="Invalidate"/> forgets everything at once, including values that loads already under way would store.
/// </summary>
/// <typeparam name="TValue">The cached value; <see langword="null"/> (a miss) is cached too.</typeparam>
internal sealed class ExpiringCache<TValue>(TimeProvider time, TimeSpan lifetime, int maxEntries)
    where TValue : class
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    public async Task<TValue?> GetOrLoadAsync(string key, Func<CancellationToken, Task<TValue?>> load, CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        var now = time.GetTimestamp();
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == generation && time.GetElapsedTime(entry.LoadedAt, now) < lifetime)
        {
            return entry.Value;
        }

        var value = await load(cancellationToken);
        if (lifetime > TimeSpan.Zero && generation == Interlocked.Read(ref _generation))
        {
            if (_entries.Count >= maxEntries)
            {
                _entries.Clear();
            }

            _entries[key] = new Entry(value, now, generation);
        }

        return value;
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private sealed record Entry(TValue? Value, long LoadedAt, long Generation);
}
