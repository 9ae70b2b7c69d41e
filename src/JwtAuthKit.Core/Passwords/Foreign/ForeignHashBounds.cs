namespace JwtAuthKit.Passwords.Foreign;

/// <summary>
/// Upper bounds on the work a foreign hash may ask for. Imported hashes come from an administrator, yet a typo or a
/// crafted row must not make one sign-in take minutes (Django's 2025 default is 1,000,000 PBKDF2 iterations; bcrypt
/// cost 16 already takes seconds).
/// </summary>
internal static class ForeignHashBounds
{
    public const int MaxPbkdf2Iterations = 5_000_000;
    public const int MinBcryptCost = 4;
    public const int MaxBcryptCost = 16;
    public const int MinSaltBytes = 8;
    public const int MinDerivedBytes = 16;
    public const int MaxDerivedBytes = 128;
}
