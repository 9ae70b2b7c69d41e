namespace JwtAuthKit.Administration;

/// <summary>The fields an administrator changes on a user; fields left out stay as they are.</summary>
/// <param name="HasName">Whether <paramref name="Name"/> was given (it may be given as <see langword="null"/> to clear it).</param>
/// <param name="Name">The new display name.</param>
/// <param name="IsActive">The new active state, when given; <see langword="false"/> also ends every session.</param>
/// <param name="EmailVerified">The new verified state, when given.</param>
public sealed record UserChanges(bool HasName, string? Name, bool? IsActive, bool? EmailVerified);
