namespace JwtAuthKit.OneTimeTokens;

/// <summary>
/// A single-use, expiring secret sent by email: a 256-bit link token (stored as its SHA-256 hash) or a six-digit
/// code (stored as an Argon2id hash, since six digits are too few for a fast hash).
/// </summary>
public sealed class OneTimeToken
{
    /// <summary>The record's id.</summary>
    public required string Id { get; init; }

    /// <summary>The application.</summary>
    public required string ApplicationId { get; init; }

    /// <summary>The user, when the address belongs to one.</summary>
    public string? UserId { get; init; }

    /// <summary>The normalized address the secret was sent to.</summary>
    public required string Email { get; init; }

    /// <summary>What it proves (<see cref="OneTimeTokenPurpose"/>).</summary>
    public required string Purpose { get; init; }

    /// <summary>For links, the hex SHA-256 of the token (looked up by it); for codes, a random id plus the hash.</summary>
    public required string SecretHash { get; init; }

    /// <summary>For codes, the Argon2id PHC hash of the code; <see langword="null"/> for links.</summary>
    public string? CodeHash { get; init; }

    /// <summary>For magic links, where the client goes after sign-in.</summary>
    public string? RedirectTo { get; init; }

    /// <summary>When it was issued.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it stops working.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When it was used (or ended by too many wrong tries).</summary>
    public DateTimeOffset? ConsumedAt { get; set; }

    /// <summary>Attempts taken against the code (each taken before the code is compared, so at most the budget are evaluated).</summary>
    public int FailedAttempts { get; set; }
}
