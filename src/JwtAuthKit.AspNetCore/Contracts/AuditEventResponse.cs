using System.Text.Json.Serialization;
using JwtAuthKit.Audit;

namespace JwtAuthKit.AspNetCore.Contracts;

/// <summary>An audit event of the HTTP contract.</summary>
internal sealed class AuditEventResponse
{
    /// <summary>The event id.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>What happened.</summary>
    [JsonPropertyName("type")] public required string Type { get; init; }

    /// <summary>The user it happened to.</summary>
    [JsonPropertyName("user_id")] public string? UserId { get; init; }

    /// <summary>Who acted: <c>user:&lt;id&gt;</c>, <c>key:&lt;prefix&gt;</c> or <c>system</c>.</summary>
    [JsonPropertyName("actor")] public string? Actor { get; init; }

    /// <summary>The client IP address.</summary>
    [JsonPropertyName("ip")] public string? Ip { get; init; }

    /// <summary>The client user agent.</summary>
    [JsonPropertyName("user_agent")] public string? UserAgent { get; init; }

    /// <summary>When it happened (UTC).</summary>
    [JsonPropertyName("created_at")] public DateTime CreatedAt { get; init; }

    /// <summary>Details.</summary>
    [JsonPropertyName("data")] public required IDictionary<string, string> Data { get; init; }

    internal static AuditEventResponse From(AuditEvent e) => new()
    {
        Id = e.Id,
        Type = e.Type,
        UserId = e.UserId,
        Actor = e.Actor,
        Ip = e.IpAddress,
        UserAgent = e.UserAgent,
        CreatedAt = WireTime.Utc(e.CreatedAt),
        Data = e.Data,
    };
}
