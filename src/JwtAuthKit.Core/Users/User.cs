namespace JwtAuthKit.Users;

/// <summary>An end user of one application. Emails are unique per application after normalization.</summary>
public sealed class User
{
    /// <summary>The longest display name accepted, in characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The user's id (a UUID v7), the <c>sub</c> of their tokens.</summary>
    public required string Id { get; init; }

    /// <summary>The application the user belongs to.</summary>
    public required string ApplicationId { get; init; }

    /// <summary>The email address, trimmed and lower-cased.</summary>
    public required string Email { get; set; }

    /// <summary>Whether the user proved they own <see cref="Email"/>.</summary>
    public bool EmailVerified { get; set; }

    /// <summary>Whether the user may sign in; disabled users are refused.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>A display name.</summary>
    public string? Name { get; set; }

    /// <summary>The password hash, or <see langword="null"/> for a user without a password.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>The user's id in the system they were imported from, if any (at most 255 characters).</summary>
    public string? ExternalId { get; set; }

    /// <summary>The user's role names within the application.</summary>
    public IList<string> Roles { get; set; } = [];

    /// <summary>Whether multi-factor authentication is on.</summary>
    public bool MfaEnabled { get; set; }

    /// <summary>When the user signed up.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the user last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the user's roles last changed: access tokens issued before it are refused as <c>token_stale</c>.</summary>
    public DateTimeOffset? RolesChangedAt { get; set; }

    /// <summary>When the user last signed in.</summary>
    public DateTimeOffset? LastLoginAt { get; set; }

    /// <summary>Changes on every save; a store refuses a save made from a stale copy.</summary>
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>A display name as stored: trimmed, and <see langword="null"/> when blank.</summary>
    internal static string? CleanName(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim();
}
