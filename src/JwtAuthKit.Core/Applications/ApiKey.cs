namespace JwtAuthKit.Applications;

/// <summary>An API key of an application. Only the SHA-256 hash of the key is stored.</summary>
public sealed class ApiKey
{
    /// <summary>The key's id.</summary>
    public required string Id { get; init; }

    /// <summary>The application the key belongs to.</summary>
    public required string ApplicationId { get; init; }

    /// <summary>Publishable or secret.</summary>
    public ApiKeyKind Kind { get; init; }

    /// <summary>A name chosen by the operator.</summary>
    public required string Name { get; set; }

    /// <summary>The first characters of the key, shown so people can tell keys apart.</summary>
    public required string Prefix { get; init; }

    /// <summary>The hex SHA-256 hash of the whole key.</summary>
    public required string KeyHash { get; init; }

    /// <summary>When the key was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the key was last used, if ever.</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>When the key was revoked; revoked keys never authenticate.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}
