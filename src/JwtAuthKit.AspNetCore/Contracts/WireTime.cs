namespace JwtAuthKit.AspNetCore.Contracts;

/// <summary>Times on the wire: RFC 3339 UTC ("Z") to the millisecond, the same whatever the store keeps.</summary>
internal static class WireTime
{
    public static DateTime Utc(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }
}
