using JwtAuthKit.Applications;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;

namespace JwtAuthKit.Mfa;

/// <summary>
/// The <c>mfa_required_roles</c> setting: those roles reach an access token only when its <c>amr</c> holds <c>mfa</c>,
/// and a user who holds one but has no second factor yet is told to enrol.
/// </summary>
internal static class MfaRolePolicy
{
    /// <summary>The roles an access token of a session proven by <paramref name="methods"/> carries.</summary>
    public static string[] GrantedRoles(ApplicationSettings settings, User user, IReadOnlyCollection<string> methods) =>
        settings.MfaRequiredRoles.Count == 0 || methods.Contains(AuthenticationMethods.MultiFactor)
            ? [.. user.Roles]
            : [.. user.Roles.Where(role => !settings.MfaRequiredRoles.Contains(role, StringComparer.Ordinal))];

    /// <summary>Whether the user holds a role that needs MFA and has not enrolled.</summary>
    public static bool EnrollmentRequired(ApplicationSettings settings, User user) =>
        !user.MfaEnabled && user.Roles.Any(role => settings.MfaRequiredRoles.Contains(role, StringComparer.Ordinal));
}
