namespace JwtAuthKit.Tokens;

/// <summary>Claim names of JwtAuthKit access tokens that IANA's JWT registry does not name.</summary>
public static class AccessTokenClaims
{
    /// <summary>The user's roles in the application, an array.</summary>
    public const string Roles = "roles";

    /// <summary>The subject (user id).</summary>
    public const string Subject = "sub";

    /// <summary>The session id.</summary>
    public const string SessionId = "sid";
}
