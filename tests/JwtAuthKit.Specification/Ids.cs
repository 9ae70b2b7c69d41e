namespace JwtAuthKit.Specification;

/// <summary>Fresh ids and names, so tests sharing one database never meet.</summary>
public static class Ids
{
    /// <summary>A UUID v7, the kind of id JwtAuthKit makes.</summary>
    /// <returns>The id.</returns>
    public static string New() => Guid.CreateVersion7().ToString();

    /// <summary>Twelve random lower-case hex digits, for addresses and names.</summary>
    /// <returns>The text.</returns>
    public static string Tag() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>A value shaped like a stored secret hash: 43 base64url characters (SHA-256).</summary>
    /// <returns>The text.</returns>
    public static string Hash() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
