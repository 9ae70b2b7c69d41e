namespace JwtAuthKit.Sessions;

/// <summary>Where a request came from, recorded with sessions.</summary>
/// <param name="IpAddress">The client IP address, if known.</param>
/// <param name="UserAgent">The client user agent, if sent.</param>
public sealed record ClientInfo(string? IpAddress, string? UserAgent)
{
    /// <summary>No information.</summary>
    public static ClientInfo Unknown { get; } = new(null, null);
}
