namespace JwtAuthKit.Administration;

/// <summary>The fields an administrator's PATCH names; fields left out stay as they are.</summary>
/// <param name="HasName">Whether <paramref name="Name"/> was given (it may be given as null to clear it).</param>
/// <param name="Name">The new name.</param>
/// <param name="IsActive">The new active state, when given.</param>
/// <param name="EmailVerified">The new verified state, when given.</param>
internal sealed record UserChanges(bool HasName, string? Name, bool? IsActive, bool? EmailVerified);
