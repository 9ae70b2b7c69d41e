namespace JwtAuthKit.AspNetCore.Authorization;

/// <summary>Names of the on-demand permission policies.</summary>
internal static class PermissionPolicyNames
{
    private const string UserTokens = "JwtAuthKit.Permission:";
    private const string UserTokensOrApiKeys = "JwtAuthKit.PermissionOrSecretKey:";

    // Permissions never hold '@', so "<permission>@<client id>" splits unambiguously.
    public static string For(string permission, bool allowApiKeys, string? clientId = null)
    {
        if (permission.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException("A permission cannot contain '@'.", nameof(permission));
        }

        return (allowApiKeys ? UserTokensOrApiKeys : UserTokens) + permission + (clientId is null ? "" : "@" + clientId);
    }

    public static bool TryParse(string policyName, out string permission, out bool allowApiKeys, out string? clientId)
    {
        allowApiKeys = policyName.StartsWith(UserTokensOrApiKeys, StringComparison.Ordinal);
        var prefix = allowApiKeys ? UserTokensOrApiKeys : UserTokens;
        var rest = policyName.StartsWith(prefix, StringComparison.Ordinal) ? policyName[prefix.Length..] : "";
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        permission = at < 0 ? rest : rest[..at];
        clientId = at < 0 ? null : rest[(at + 1)..];
        return permission.Length > 0 && clientId is not "";
    }
}
