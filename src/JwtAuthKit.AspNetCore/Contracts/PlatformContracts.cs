using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using JwtAuthKit.Applications;

namespace JwtAuthKit.AspNetCore.Contracts;

/// <summary>A client application on the platform API.</summary>
internal sealed class ApplicationResponse
{
    /// <summary>The application id.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary>The name.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>The client id (the <c>aud</c> of its tokens).</summary>
    [JsonPropertyName("client_id")] public required string ClientId { get; init; }

    /// <summary>When it was created (UTC).</summary>
    [JsonPropertyName("created_at")] public DateTime CreatedAt { get; init; }

    /// <summary>When it last changed (UTC).</summary>
    [JsonPropertyName("updated_at")] public DateTime UpdatedAt { get; init; }

    /// <summary>Its authentication settings (on single-application answers).</summary>
    [JsonPropertyName("settings")] public JsonNode? Settings { get; init; }

    /// <summary>The values of its first keys, on creation only: shown once.</summary>
    [JsonPropertyName("keys")] public IReadOnlyList<ApiKeyResponse>? Keys { get; init; }

    internal static ApplicationResponse From(Application application, bool withSettings, IReadOnlyList<ApiKeyResponse>? keys = null) => new()
    {
        Id = application.Id,
        Name = application.Name,
        ClientId = application.ClientId,
        CreatedAt = WireTime.Utc(application.CreatedAt),
        UpdatedAt = WireTime.Utc(application.UpdatedAt),
        Settings = withSettings ? Http.SettingsJson.Write(application.Settings) : null,
        Keys = keys,
    };
}

/// <summary>An API key on the platform API. <see cref="Key"/> is present only in the answer that created it.</summary>
internal sealed class ApiKeyResponse
{
    /// <summary>The key id.</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }

    /// <summary><c>publishable</c> or <c>secret</c>.</summary>
    [JsonPropertyName("kind")] public required string Kind { get; init; }

    /// <summary>The name.</summary>
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>The first characters, to tell keys apart.</summary>
    [JsonPropertyName("prefix")] public required string Prefix { get; init; }

    /// <summary>The whole key: only when it was just created.</summary>
    [JsonPropertyName("key")] public string? Key { get; init; }

    /// <summary>When it was created (UTC).</summary>
    [JsonPropertyName("created_at")] public DateTime CreatedAt { get; init; }

    /// <summary>When it was last used (UTC, to the minute).</summary>
    [JsonPropertyName("last_used_at")] public DateTime? LastUsedAt { get; init; }

    /// <summary>When it was revoked (UTC).</summary>
    [JsonPropertyName("revoked_at")] public DateTime? RevokedAt { get; init; }

    internal static ApiKeyResponse From(ApiKey key, string? value = null) => new()
    {
        Id = key.Id,
        Kind = key.Kind == ApiKeyKind.Secret ? "secret" : "publishable",
        Name = key.Name,
        Prefix = key.Prefix,
        Key = value,
        CreatedAt = WireTime.Utc(key.CreatedAt),
        LastUsedAt = key.LastUsedAt is { } used ? WireTime.Utc(used) : null,
        RevokedAt = key.RevokedAt is { } revoked ? WireTime.Utc(revoked) : null,
    };
}

/// <summary>Body of <c>POST /api/platform/apps</c> and <c>PATCH /api/platform/apps/{id}</c>.</summary>
internal sealed class ApplicationRequest
{
    /// <summary>The name.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }

    /// <summary>Settings fields to change, as in <c>PATCH /api/admin/settings</c>.</summary>
    [JsonPropertyName("settings")] public JsonObject? Settings { get; set; }
}

/// <summary>Body of <c>POST /api/platform/apps/{id}/keys</c>.</summary>
internal sealed class CreateKeyRequest
{
    /// <summary><c>publishable</c> or <c>secret</c>.</summary>
    [JsonPropertyName("kind")] public string? Kind { get; set; }

    /// <summary>A name to tell it apart.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }
}
