using JwtAuthKit.Administration;
using JwtAuthKit.Applications;
using JwtAuthKit.Roles;
using JwtAuthKit.Sessions;

namespace JwtAuthKit.Platform;

/// <summary>
/// A signed-in dashboard account (a user of the reserved platform application), as <see cref="IPlatformAccessService"/>
/// resolves it: an operator of the deployment, or an account that is a member of some applications. Every platform
/// service takes one and checks its role on the application itself.
/// </summary>
public sealed class PlatformActor
{
    private static readonly IReadOnlySet<string> ReadOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        AdminPermissions.UsersRead, AdminPermissions.RolesRead, AdminPermissions.SettingsRead, AdminPermissions.AuditRead,
    };

    private static readonly IReadOnlySet<string> Everything = new HashSet<string>(StringComparer.Ordinal) { BuiltInRoles.AllPermissions };

    /// <summary>Creates an actor; <see cref="IPlatformAccessService.ResolveAsync"/> is the usual way to get one.</summary>
    /// <param name="accountId">The account's user id in the platform application.</param>
    /// <param name="email">The account's address.</param>
    /// <param name="isOperator">Whether the account is an operator (holds the platform application's <c>admin</c> role).</param>
    /// <param name="mfaEnabled">Whether the account has a second factor.</param>
    /// <param name="mfaEnrollmentRequired">Whether the account must set up a second factor before doing anything (an operator without one while <see cref="DashboardOptions.RequireMfa"/> is on).</param>
    /// <param name="client">Where the request came from.</param>
    public PlatformActor(string accountId, string email, bool isOperator, bool mfaEnabled, bool mfaEnrollmentRequired, ClientInfo client)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(client);
        AccountId = accountId;
        Email = email;
        IsOperator = isOperator;
        MfaEnabled = mfaEnabled;
        MfaEnrollmentRequired = mfaEnrollmentRequired;
        Client = client;
    }

    /// <summary>The account's user id in the platform application.</summary>
    public string AccountId { get; }

    /// <summary>The account's (verified) address.</summary>
    public string Email { get; }

    /// <summary>Whether the account is an operator: owner of every application.</summary>
    public bool IsOperator { get; }

    /// <summary>Whether the account has a second factor (TOTP).</summary>
    public bool MfaEnabled { get; }

    /// <summary>
    /// Whether the account must set up a second factor first: while set, every platform service refuses it with
    /// <c>mfa_enrollment_required</c> (the dashboard sends it to its MFA set-up page instead).
    /// </summary>
    public bool MfaEnrollmentRequired { get; }

    /// <summary>Where the request came from.</summary>
    public ClientInfo Client { get; }

    /// <summary>How the account appears in audit logs: <c>operator:&lt;id&gt;</c> or <c>account:&lt;id&gt;</c>.</summary>
    public string AuditName => (IsOperator ? "operator:" : "account:") + AccountId;

    /// <summary>
    /// The actor the admin services take for this account acting on an application with a role: a viewer holds the
    /// read permissions only (<c>users:read</c>, <c>roles:read</c>, <c>settings:read</c>, <c>audit:read</c>), an admin
    /// or owner holds every permission. The role is the caller's to establish (<see cref="IPlatformAccessService.GetRoleAsync"/>).
    /// </summary>
    /// <param name="application">The application.</param>
    /// <param name="role">The account's role on it.</param>
    /// <returns>The admin actor, audited as <see cref="AuditName"/>.</returns>
    public AdminActor ForApplication(Application application, ApplicationMemberRole role)
    {
        ArgumentNullException.ThrowIfNull(application);
        var permissions = role >= ApplicationMemberRole.Admin ? Everything : ReadOnly;
        return IsOperator
            ? AdminActor.ForOperator(application, AccountId, permissions, Client)
            : AdminActor.ForAccount(application, AccountId, permissions, Client);
    }
}
