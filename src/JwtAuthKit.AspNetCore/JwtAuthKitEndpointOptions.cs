namespace JwtAuthKit.AspNetCore;

/// <summary>Where <c>MapJwtAuthKitEndpoints()</c> puts each group of endpoints.</summary>
public sealed class JwtAuthKitEndpointOptions
{
    /// <summary>The end-user API. <value>The default value is <c>/api/auth</c>.</value></summary>
    public string AuthPrefix { get; set; } = "/api/auth";

    /// <summary>An application's administration API. <value>The default value is <c>/api/admin</c>.</value></summary>
    public string AdminPrefix { get; set; } = "/api/admin";

    /// <summary>The operators' API. <value>The default value is <c>/api/platform</c>.</value></summary>
    public string PlatformPrefix { get; set; } = "/api/platform";
}
