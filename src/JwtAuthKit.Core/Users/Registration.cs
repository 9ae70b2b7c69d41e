using JwtAuthKit.Sessions;

namespace JwtAuthKit.Users;

/// <summary>The outcome of a sign-up: the new user, and tokens when the application lets them sign in at once.</summary>
/// <param name="User">The new user.</param>
/// <param name="Tokens">The token pair, or <see langword="null"/> when the email must be verified first.</param>
public sealed record Registration(User User, AuthResult? Tokens);
