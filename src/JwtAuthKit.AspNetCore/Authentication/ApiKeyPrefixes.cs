namespace JwtAuthKit.AspNetCore.Authentication;

/// <summary>How API keys begin, to tell them from access tokens in an <c>Authorization</c> header.</summary>
internal static class ApiKeyPrefixes
{
    public const string Secret = "sk_";

    public const string Publishable = "pk_";
}
