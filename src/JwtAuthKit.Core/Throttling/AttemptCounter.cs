namespace JwtAuthKit.Throttling;

/// <summary>
/// Consecutive failed attempts counted against one key of an application (an account, by its normalized email), the
/// state behind <c>AccountThrottle</c>. The key is stored as a hash, so the table names no address.
/// </summary>
public sealed class AttemptCounter
{
    /// <summary>The application.</summary>
    public required string ApplicationId { get; set; }

    /// <summary>The hex SHA-256 of what is counted (for accounts: of the normalized email).</summary>
    public required string KeyHash { get; set; }

    /// <summary>Consecutive failures since the last success.</summary>
    public int Failures { get; set; }

    /// <summary>When the last failure was counted.</summary>
    public DateTimeOffset LastFailureAt { get; set; }
}
