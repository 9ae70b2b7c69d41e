using System.Text.RegularExpressions;
using JwtAuthKit.Audit;
using JwtAuthKit.Roles;
using JwtAuthKit.Users;

namespace JwtAuthKit.Administration;

/// <summary>An application's administration of its roles. The built-in <c>admin</c> and <c>user</c> cannot change.</summary>
internal sealed partial class RoleAdministrationService(IRoleStore roles, IUserStore users, PermissionResolver permissions, AuditLog audit, TimeProvider time)
{
    public const int MaxPermissions = 100;

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

        return name.Length <= 64 && await roles.FindAsync(actor.Application.Id, name, cancellationToken) is { } role ? role : NotFound();
    }

    public async Task<Result<Role>> CreateAsync(AdminActor actor, string? name, string? description, IList<string>? permissionList, CancellationToken cancellationToken)
    {
        if (name is null || !RoleName().IsMatch(name))
        {
            return JwtAuthKitErrors.Validation("name", "must be 1 to 64 characters: lower-case letters, digits, '-', '_', '.' or ':'");
        }

        if (BuiltInRoles.IsBuiltIn(name))
        {
            return new JwtAuthKitError(JwtAuthKitErrors.Conflict, $"'{name}' is a built-in role.");
        }

        if (Check(description, permissionList) is { } invalid)
        {
            return invalid;
        }

        if (!actor.Covers(Normalize(permissionList)))
        {
            return Beyond();
        }

        var now = time.GetUtcNow();
        var role = new Role
        {
            Id = Guid.CreateVersion7(now).ToString(),
            ApplicationId = actor.Application.Id,
            Name = name,
            Description = Trim(description),
            Permissions = Normalize(permissionList),
            CreatedAt = now,
            UpdatedAt = now,
        };
        if (!await roles.CreateAsync(role, cancellationToken))
        {
            return new JwtAuthKitError(JwtAuthKitErrors.Conflict, "A role with this name already exists.");
        }

        return await ChangedAsync(actor, role, "created", cancellationToken);
    }

    public async Task<Result<Role>> UpdateAsync(AdminActor actor, string name, string? description, IList<string>? permissionList, CancellationToken cancellationToken)
    {
        if (BuiltInRoles.IsBuiltIn(name))
        {
            return new JwtAuthKitError(JwtAuthKitErrors.Forbidden, $"The built-in role '{name}' cannot be changed.");
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
            return Beyond();
        }

        role.Description = Trim(description);
        role.Permissions = Normalize(permissionList);
        role.UpdatedAt = time.GetUtcNow();
        return await roles.UpdateAsync(role, cancellationToken) ? await ChangedAsync(actor, role, "updated", cancellationToken) : NotFound();
    }

    public async Task<Result<bool>> DeleteAsync(AdminActor actor, string name, CancellationToken cancellationToken)
    {
        if (BuiltInRoles.IsBuiltIn(name))
        {
            return new JwtAuthKitError(JwtAuthKitErrors.Forbidden, $"The built-in role '{name}' cannot be deleted.");
        }

        if (name == actor.Application.Settings.DefaultRole)
        {
            return new JwtAuthKitError(JwtAuthKitErrors.Conflict, "This is the default role of new users; choose another default_role first.");
        }

        var found = await GetAsync(actor, name, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        if (!actor.Covers(found.Value.Permissions))
        {
            return Beyond();
        }

        if (!await roles.DeleteAsync(actor.Application.Id, name, cancellationToken))
        {
            return NotFound();
        }

        // Users keep the name in their role list; it grants nothing once the role is gone, and a role created later
        // with the same name would grant its permissions. Remove it from them so that cannot happen by surprise.
        await users.RemoveRoleAsync(actor.Application.Id, name, cancellationToken);
        permissions.Invalidate(actor.Application.Id);
        await audit.RecordAsync(actor.Application.Id, AuditEventTypes.RoleChanged, null, actor.Actor, actor.Client,
            new Dictionary<string, string> { ["role"] = name, ["change"] = "deleted" }, cancellationToken);
        return true;
    }

    private async Task<Result<Role>> ChangedAsync(AdminActor actor, Role role, string change, CancellationToken cancellationToken)
    {
        permissions.Invalidate(actor.Application.Id);
        await audit.RecordAsync(actor.Application.Id, AuditEventTypes.RoleChanged, null, actor.Actor, actor.Client,
            new Dictionary<string, string> { ["role"] = role.Name, ["change"] = change, ["permissions"] = string.Join(',', role.Permissions) }, cancellationToken);
        return role;
    }

    private static JwtAuthKitError? Check(string? description, IList<string>? permissionList)
    {
        var errors = new Dictionary<string, string[]>();
        if (description is { Length: > 500 })
        {
            errors["description"] = ["must be at most 500 characters"];
        }

        if (permissionList is { Count: > MaxPermissions })
        {
            errors["permissions"] = [$"at most {MaxPermissions} permissions"];
        }
        else if (permissionList is not null && permissionList.Any(p => p is null || !PermissionName().IsMatch(p)))
        {
            errors["permissions"] = ["each permission is 1 to 100 characters: letters, digits, '-', '_', '.', ':' or '*'"];
        }

        return errors.Count == 0 ? null : new JwtAuthKitError(JwtAuthKitErrors.ValidationFailed, "Some fields are invalid.", errors);
    }

    private static List<string> Normalize(IList<string>? permissionList) =>
        [.. (permissionList ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static string? Trim(string? description) => string.IsNullOrWhiteSpace(description) ? null : description.Trim();

    private static JwtAuthKitError NotFound() => new(JwtAuthKitErrors.NotFound, "No such role.");

    private static JwtAuthKitError Beyond() => new(JwtAuthKitErrors.Forbidden, "A role may grant only permissions you hold yourself.");

    [GeneratedRegex("^[a-z0-9][a-z0-9_.:-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleName();

    [GeneratedRegex("^[A-Za-z0-9_.:*-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex PermissionName();
}
