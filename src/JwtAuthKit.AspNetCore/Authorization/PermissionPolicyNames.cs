namespace JwtAuthKit.AspNetCore.Authorization;

/// <summary>Names of the on-demand permission policies.</summary>
internal static class PermissionPolicyNames
{
    private const string UserTokens = "JwtAuthKit.Permission:";
    private const string UserTokensOrApiKeys = "JwtAuthKit.PermissionOrSecretKey:";

    public static string For(string permission, bool allowApiKeys) => (allowApiKeys ? UserTokensOrApiKeys : UserTokens) + permission;

    public static bool TryParse(string policyName, out string permission, out bool allowApiKeys)
    {
        allowApiKeys = policyName.StartsWith(UserTokensOrApiKeys, StringComparison.Ordinal);
        var prefix = allowApiKeys ? UserTokensOrApiKeys : UserTokens;
        permission = policyName.StartsWith(prefix, StringComparison.Ordinal) ? policyName[prefix.Length..] : "";
        return permission.Length > 0;
    }
}
