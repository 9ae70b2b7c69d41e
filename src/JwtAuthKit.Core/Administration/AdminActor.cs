using JwtAuthKit.Applications;
using JwtAuthKit.Audit;
using JwtAuthKit.Roles;
using JwtAuthKit.Sessions;

namespace JwtAuthKit.Administration;

/// <summary>
/// Who administers an application, and with which permissions: a secret key (every permission), a user whose roles
/// grant permissions, a platform operator, or the system itself. Every administration service takes one, scopes its
/// work to <see cref="Application"/> and records <see cref="AuditName"/> in the audit log.
/// </summary>
public sealed class AdminActor
{
    private AdminActor(Application application, string auditName, IReadOnlySet<string> permissions, ClientInfo client)
    {
        Application = application;
        AuditName = auditName;
        Permissions = permissions;
        Client = client;
    }

    /// <summary>The application administered; nothing outside it is reachable.</summary>
    public Application Application { get; }

    /// <summary>How the actor appears in the audit log: <c>key:&lt;prefix&gt;</c>, <c>user:&lt;id&gt;</c>, <c>operator:&lt;id&gt;</c>, <c>account:&lt;id&gt;</c> or <c>system</c>.</summary>
    public string AuditName { get; }

    /// <summary>The permissions held; <c>*</c> stands for all.</summary>
    public IReadOnlySet<string> Permissions { get; }

    /// <summary>Where the request came from.</summary>
    public ClientInfo Client { get; }

    /// <summary>An application's secret key, which holds every permission within it.</summary>
    /// <param name="application">The key's application.</param>
    /// <param name="keyPrefix">The key's visible prefix (never the whole key).</param>
    /// <param name="client">Where the request came from.</param>
    /// <returns>The actor.</returns>
    public static AdminActor ForSecretKey(Application application, string keyPrefix, ClientInfo client) =>
        new(application, "key:" + keyPrefix, All, client);

    /// <summary>A user of the application acting with the permissions their roles grant.</summary>
    /// <param name="application">The user's application.</param>
    /// <param name="userId">The user's id.</param>
    /// <param name="permissions">The permissions their roles grant (<see cref="IPermissionResolver"/>).</param>
    /// <param name="client">Where the request came from.</param>
    /// <returns>The actor.</returns>
    public static AdminActor ForUser(Application application, string userId, IReadOnlySet<string> permissions, ClientInfo client) =>
        new(application, "user:" + userId, permissions, client);

    /// <summary>An operator of the deployment, who holds every permission in every application.</summary>
    /// <param name="application">The application the operator acts on.</param>
    /// <param name="operatorId">The operator's user id in the platform application.</param>
    /// <param name="client">Where the request came from.</param>
    /// <returns>The actor.</returns>
    public static AdminActor ForOperator(Application application, string operatorId, ClientInfo client) =>
        new(application, "operator:" + operatorId, All, client);

    /// <summary>A dashboard account acting on an application it is a member of, with the permissions its role grants.</summary>
    /// <param name="application">The application acted on.</param>
    /// <param name="accountId">The account's user id in the platform application.</param>
    /// <param name="permissions">The permissions its membership role grants (<see cref="Platform.PlatformActor.ForApplication"/>).</param>
    /// <param name="client">Where the request came from.</param>
    /// <returns>The actor, audited as <c>account:&lt;id&gt;</c>.</returns>
    public static AdminActor ForAccount(Application application, string accountId, IReadOnlySet<string> permissions, ClientInfo client) =>
        new(application, "account:" + accountId, permissions, client);

    /// <summary>An operator acting with fewer permissions than all (a role on the application chosen by the dashboard).</summary>
    internal static AdminActor ForOperator(Application application, string operatorId, IReadOnlySet<string> permissions, ClientInfo client) =>
        new(application, "operator:" + operatorId, permissions, client);

    /// <summary>JwtAuthKit itself, or a command line run by whoever runs the deployment.</summary>
    /// <param name="application">The application acted on.</param>
    /// <returns>The actor.</returns>
    public static AdminActor System(Application application) => new(application, AuditLog.System, All, ClientInfo.Unknown);

    /// <summary>
    /// Whether the actor may read password hashes (an export with hashes): a secret key or the system, never a user's
    /// token, whatever its permissions — hashes leave the deployment only by the hand of whoever holds its secrets.
    /// </summary>
    internal bool MayReadPasswordHashes => AuditName.StartsWith("key:", StringComparison.Ordinal) || AuditName == AuditLog.System;

    /// <summary>
    /// Whether the actor holds every one of <paramref name="granted"/>: nobody hands out, takes away or acts on
    /// permissions beyond their own (an administrator with <c>users:write</c> cannot make anyone <c>admin</c>).
    /// </summary>
    /// <param name="granted">The permissions in question; <c>*</c> needs <c>*</c>.</param>
    /// <returns><see langword="true"/> when all are held.</returns>
    public bool Covers(IEnumerable<string> granted) =>
        Permissions.Contains(BuiltInRoles.AllPermissions) || granted.All(p => p != BuiltInRoles.AllPermissions && Permissions.Contains(p));

    private static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { BuiltInRoles.AllPermissions };
}
