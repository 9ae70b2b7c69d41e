namespace JwtAuthKit.AspNetCore;

/// <summary>Authorization policies JwtAuthKit registers.</summary>
public static class JwtAuthKitPolicies
{
    /// <summary>A user signed in with a JwtAuthKit access token.</summary>
    public const string SignedIn = "JwtAuthKit.SignedIn";

    /// <summary>An operator of the deployment: a user of the operators' application holding its <c>admin</c> role.</summary>
    public const string PlatformOperator = "JwtAuthKit.PlatformOperator";

    /// <summary>
    /// A dashboard account: a user of the operators' (platform) application, operator or not. What it may do on each
    /// application is its membership role, which the platform endpoints check themselves.
    /// </summary>
    public const string PlatformAccount = "JwtAuthKit.PlatformAccount";
}
