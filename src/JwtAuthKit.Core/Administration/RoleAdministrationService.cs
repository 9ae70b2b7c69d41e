using System.Text.RegularExpressions;
using JwtAuthKit.Audit;
using JwtAuthKit.Roles;
using JwtAuthKit.Users;

namespace JwtAuthKit.Administration;

internal sealed partial class RoleAdministrationService(IRoleStore roles, IUserStore users, PermissionResolver permissions, Tokens.StaleTokenCache stale, AuditLog audit, TimeProvider time)
    : IRoleAdministrationService
{
    public const int MaxPermissions = 100;
    private const int MaxNameLength = 64;
    private const int MaxDescriptionLength = 500;

    public async Task<IReadOnlyList<Role>> ListAsync(AdminActor actor, CancellationToken cancellationToken)
    {
        var custom = await roles.ListAsync(actor.Application.Id, cancellationToken);
        return [BuiltInRoles.Describe(actor.Application.Id, BuiltInRoles.Admin), BuiltInRoles.Describe(actor.Application.Id, BuiltInRoles.User), .. custom];
    }

    public async Task<Result<Role>> GetAsync(AdminActor actor, string name, CancellationToken cancellationToken)
    {
        if (BuiltInRoles.IsBuiltIn(name))
        {
            return BuiltInRoles.Describe(actor.Application.Id, name);
        }

        return name.Length <= MaxNameLength && await roles.FindAsync(actor.Application.Id, name, cancellationToken) is { } role ? role : Errors.RoleNotFound;
    }

    public async Task<Result<Role>> CreateAsync(AdminActor actor, RoleDefinition definition, CancellationToken cancellationToken)
    {
        var name = definition.Name;
        if (name is null || !RoleName().IsMatch(name))
        {
            return JwtAuthKitErrors.Validation("name", "must be 1 to 64 characters: lower-case letters, digits, '-', '_', '.' or ':'");
        }

        if (BuiltInRoles.IsBuiltIn(name))
        {
            return Errors.BuiltInRoleExists(name);
        }

        if (Check(definition.Description, definition.Permissions) is { } invalid)
        {
            return invalid;
        }

        if (!actor.Covers(Normalize(definition.Permissions)))
        {
            return Errors.RoleBeyondOwnPermissions;
        }

        var now = time.GetUtcNow();
        var role = new Role
        {
            Id = Guid.CreateVersion7(now).ToString(),
            ApplicationId = actor.Application.Id,
            Name = name,
            Description = Trim(definition.Description),
            Permissions = Normalize(definition.Permissions),
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (!await roles.CreateAsync(role, cancellationToken))
        {
            return Errors.RoleExists;
        }

        return await ChangedAsync(actor, role, "created", cancellationToken);
    }

    public async Task<Result<Role>> UpdateAsync(AdminActor actor, string name, string? description, IList<string>? permissionList, CancellationToken cancellationToken)
    {
        if (BuiltInRoles.IsBuiltIn(name))
        {
            return Errors.BuiltInRoleFixed(name);
        }

        if (Check(description, permissionList) is { } invalid)
        {
            return invalid;
        }

        var found = await GetAsync(actor, name, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        var role = found.Value;
        if (!actor.Covers(role.Permissions) || !actor.Covers(Normalize(permissionList)))
        {
            return Errors.RoleBeyondOwnPermissions;
        }

        role.Description = Trim(description);
        role.Permissions = Normalize(permissionList);
        role.UpdatedAt = time.GetUtcNow();
        return await roles.UpdateAsync(role, cancellationToken) ? await ChangedAsync(actor, role, "updated", cancellationToken) : Errors.RoleNotFound;
    }

    public async Task<Result<bool>> DeleteAsync(AdminActor actor, string name, CancellationToken cancellationToken)
    {
        if (BuiltInRoles.IsBuiltIn(name))
        {
            return Errors.BuiltInRoleFixed(name);
        }

        if (name == actor.Application.Settings.DefaultRole)
        {
            return Errors.DefaultRoleInUse;
        }

        var found = await GetAsync(actor, name, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        if (!actor.Covers(found.Value.Permissions))
        {
            return Errors.RoleBeyondOwnPermissions;
        }

        if (!await roles.DeleteAsync(actor.Application.Id, name, cancellationToken))
        {
            return Errors.RoleNotFound;
        }

        // Users keep the name in their role list; it grants nothing once the role is gone, and a role created later
        // with the same name would grant its permissions. Remove it from them so that cannot happen by surprise.
        var changed = await users.RemoveRoleAsync(actor.Application.Id, name, time.GetUtcNow(), cancellationToken);
        var committedAt = Tokens.RoleChangeTime.AfterCommit(time); // See RoleChangeTime: later than any copy read before the commit.
        await users.MarkRolesChangedAsync(actor.Application.Id, changed, committedAt, cancellationToken);
        foreach (var userId in changed)
        {
            stale.Add(userId, committedAt);
        }

        permissions.Invalidate();
        await audit.RecordAsync(actor.Application.Id, AuditEventTypes.RoleChanged, null, actor.AuditName, actor.Client,
            new Dictionary<string, string> { ["role"] = name, ["change"] = "deleted" }, cancellationToken);
        return true;
    }

    private async Task<Result<Role>> ChangedAsync(AdminActor actor, Role role, string change, CancellationToken cancellationToken)
    {
        permissions.Invalidate();
        await audit.RecordAsync(actor.Application.Id, AuditEventTypes.RoleChanged, null, actor.AuditName, actor.Client,
            new Dictionary<string, string> { ["role"] = role.Name, ["change"] = change, ["permissions"] = string.Join(',', role.Permissions) }, cancellationToken);
        return role;
    }

    private static JwtAuthKitError? Check(string? description, IList<string>? permissionList)
    {
        var errors = new Dictionary<string, string[]>();
        if (description is { Length: > MaxDescriptionLength })
        {
            errors["description"] = [$"must be at most {MaxDescriptionLength} characters"];
        }

        if (permissionList is { Count: > MaxPermissions })
        {
            errors["permissions"] = [$"at most {MaxPermissions} permissions"];
        }
        else if (permissionList is not null && permissionList.Any(p => p is null || !PermissionName().IsMatch(p)))
        {
            errors["permissions"] = ["each permission is 1 to 100 characters: letters, digits, '-', '_', '.', ':' or '*'"];
        }

        return errors.Count == 0 ? null : Errors.FieldsInvalid(errors);
    }

    private static List<string> Normalize(IList<string>? permissionList) =>
        [.. (permissionList ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static string? Trim(string? description) => string.IsNullOrWhiteSpace(description) ? null : description.Trim();

    [GeneratedRegex("^[a-z0-9][a-z0-9_.:-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleName();

    [GeneratedRegex("^[A-Za-z0-9_.:*-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex PermissionName();
}
