namespace JwtAuthKit.AspNetCore;

/// <summary>Names JwtAuthKit registers with ASP.NET Core.</summary>
public static class JwtAuthKitDefaults
{
    /// <summary>The authentication scheme that validates JwtAuthKit access tokens.</summary>
    public const string AuthenticationScheme = "JwtAuthKit";

    /// <summary>The authentication scheme that accepts an application's API key as a bearer credential (admin API).</summary>
    public const string ApiKeyAuthenticationScheme = "JwtAuthKit.ApiKey";

    /// <summary>The header that names the application of an end-user request.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>The largest request body accepted, in bytes (64 KiB).</summary>
    public const int MaxRequestBodySize = 64 * 1024;
}
