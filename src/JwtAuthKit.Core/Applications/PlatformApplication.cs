namespace JwtAuthKit.Applications;

/// <summary>
/// The reserved application whose users are the deployment's operators (the dashboard's accounts, who use
/// <c>/api/platform</c>). It is never listed among client applications and takes no sign-ups.
/// </summary>
public static class PlatformApplication
{
    /// <summary>Its client id, the <c>aud</c> of operators' access tokens.</summary>
    public const string ClientId = "jwtauthkit-platform";

    /// <summary>Its name.</summary>
    public const string Name = "JwtAuthKit operators";
}
