namespace JwtAuthKit.Administration;

/// <summary>A user an administrator creates.</summary>
/// <param name="Email">The address.</param>
/// <param name="Password">A password; without one, the user signs in by email link or code, or after a reset.</param>
/// <param name="Name">A display name.</param>
/// <param name="Roles">The roles; the application's default role when <see langword="null"/>.</param>
/// <param name="EmailVerified">Whether the address counts as verified already.</param>
public sealed record NewUser(string? Email, string? Password, string? Name, IList<string>? Roles, bool EmailVerified);
