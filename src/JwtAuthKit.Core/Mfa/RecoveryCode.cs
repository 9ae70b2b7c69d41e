namespace JwtAuthKit.Mfa;

/// <summary>One single-use recovery code of a user's second factor, stored only as a hash.</summary>
public sealed class RecoveryCode
{
    /// <summary>The record's id.</summary>
    public required string Id { get; init; }

    /// <summary>The user.</summary>
    public required string UserId { get; init; }

    /// <summary>The user's application.</summary>
    public required string ApplicationId { get; init; }

    /// <summary>The hex SHA-256 of the normalized code (80 random bits, so a fast hash is enough).</summary>
    public required string CodeHash { get; init; }

    /// <summary>When the set was made.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was used, or <see langword="null"/>.</summary>
    public DateTimeOffset? UsedAt { get; set; }
}
