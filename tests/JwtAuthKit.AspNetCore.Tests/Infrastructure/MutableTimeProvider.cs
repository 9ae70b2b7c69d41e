namespace JwtAuthKit.AspNetCore.Tests.Infrastructure;

/// <summary>A clock the test moves by hand; timers still run on real time.</summary>
public sealed class MutableTimeProvider : TimeProvider
{
    private long _ticks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
