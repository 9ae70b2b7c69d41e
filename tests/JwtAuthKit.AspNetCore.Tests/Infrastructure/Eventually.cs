namespace JwtAuthKit.AspNetCore.Tests.Infrastructure;

/// <summary>
/// Waits for a change to reach another node on the hosts' clock, not on real time: the clock moves in small steps (the
/// caches and polls that carry the change run on it), and the test reads how much clock time it took.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    /// <summary>Probes until <paramref name="done"/> holds or the clock has moved <paramref name="limit"/>.</summary>
    /// <returns>The last probe's value and how far the clock moved.</returns>
    public static async Task<(T Value, TimeSpan Elapsed)> OnClockAsync<T>(FakeTimeProvider time, TimeSpan limit, Func<Task<T>> probe, Func<T, bool> done)
    {
        var elapsed = TimeSpan.Zero;
        while (true)
        {
            // Background work started by the last step (a poll, a reload) finishes on real time; give it a moment.
            for (var attempt = 0; attempt < 4; attempt++)
            {
                var value = await probe();
                if (done(value) || elapsed >= limit)
                {
                    return (value, elapsed);
                }

                await Task.Delay(25);
            }

            time.Advance(Step);
            elapsed += Step;
        }
    }
}
