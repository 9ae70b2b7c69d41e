namespace JwtAuthKit.Users;

/// <summary>That a user's roles changed, and when.</summary>
/// <param name="UserId">The user.</param>
/// <param name="ChangedAt">The time of the change.</param>
public sealed record RolesChange(string UserId, DateTimeOffset ChangedAt);
