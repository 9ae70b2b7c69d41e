namespace JwtAuthKit.AspNetCore.Authorization;

/// <summary>Claims JwtAuthKit adds to principals it authenticates with an API key.</summary>
public static class JwtAuthKitClaimTypes
{
    /// <summary>The visible prefix of the API key that authenticated the call.</summary>
    public const string ApiKey = "jak_api_key";

    /// <summary><c>secret</c> or <c>publishable</c>.</summary>
    public const string ApiKeyKind = "jak_api_key_kind";

    /// <summary>A permission held directly (a secret key holds <c>*</c>).</summary>
    public const string Permission = "jak_permission";
}
