using System.Text.Json.Serialization;
using JwtAuthKit.Sessions;

namespace JwtAuthKit.AspNetCore.Contracts;

/// <summary>One of the signed-in user's sessions.</summary>
internal sealed class SessionResponse
{
    /// <summary>The session id.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>When it started (UTC).</summary>
    [JsonPropertyName("created_at")] public DateTime CreatedAt { get; init; }

    /// <summary>When it was last refreshed (UTC).</summary>
    [JsonPropertyName("last_used_at")] public DateTime LastUsedAt { get; init; }

    /// <summary>The IP address at sign-in.</summary>
    [JsonPropertyName("ip")] public string? Ip { get; init; }

    /// <summary>The user agent at sign-in.</summary>
    [JsonPropertyName("user_agent")] public string? UserAgent { get; init; }

    /// <summary>Whether this is the session of the request.</summary>
    [JsonPropertyName("current")] public bool Current { get; init; }

    internal static SessionResponse From(Session session, string currentSessionId) => new()
    {
        Id = session.Id,
        CreatedAt = WireTime.Utc(session.CreatedAt),
        LastUsedAt = WireTime.Utc(session.LastUsedAt),
        Ip = session.IpAddress,
        UserAgent = session.UserAgent,
        Current = session.Id == currentSessionId,
    };
}

/// <summary>A list of sessions.</summary>
/// <param name="Items">The sessions, newest first.</param>
internal sealed record SessionListResponse([property: JsonPropertyName("items")] IReadOnlyList<SessionResponse> Items);
