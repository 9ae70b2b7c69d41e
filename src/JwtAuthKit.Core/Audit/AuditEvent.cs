namespace JwtAuthKit.Audit;

/// <summary>Something that happened to an application's accounts, keys or settings, and who did it from where.</summary>
public sealed class AuditEvent
{
    /// <summary>The event id.</summary>
    public required string Id { get; init; }

    /// <summary>The application.</summary>
    public required string ApplicationId { get; init; }

    /// <summary>What happened (<see cref="AuditEventTypes"/>).</summary>
    public required string Type { get; init; }

    /// <summary>The user it happened to, if any.</summary>
    public string? UserId { get; init; }

    /// <summary>Who acted: <c>user:&lt;id&gt;</c>, <c>key:&lt;prefix&gt;</c> or <c>system</c>.</summary>
    public string? Actor { get; init; }

    /// <summary>The client IP address.</summary>
    public string? IpAddress { get; init; }

    /// <summary>The client user agent.</summary>
    public string? UserAgent { get; init; }

    /// <summary>Details (reason, roles, changed fields…), never a secret.</summary>
    public IDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();

    /// <summary>When it happened.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
