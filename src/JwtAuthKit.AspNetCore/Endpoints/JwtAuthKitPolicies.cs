namespace JwtAuthKit.AspNetCore;

/// <summary>Authorization policies JwtAuthKit registers.</summary>
public static class JwtAuthKitPolicies
{
    /// <summary>A user signed in with a JwtAuthKit access token.</summary>
    public const string SignedIn = "JwtAuthKit.SignedIn";
}
