using JwtAuthKit.Roles;

namespace JwtAuthKit.Administration;

/// <summary>
/// An application's administration of its roles (<c>/api/admin/roles</c>, the dashboard). The built-in <c>admin</c> and
/// <c>user</c> cannot change; a role may grant only permissions the actor holds. Every change is audited and applies to
/// authorization within <see cref="JwtAuthKitOptions.ApplicationCacheDuration"/>.
/// </summary>
public interface IRoleAdministrationService
{
    /// <summary>Lists the built-in roles and the application's own.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The roles.</returns>
    Task<IReadOnlyList<Role>> ListAsync(AdminActor actor, CancellationToken cancellationToken);

    /// <summary>Reads a role.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="name">The role name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The role, or <c>not_found</c>.</returns>
    Task<Result<Role>> GetAsync(AdminActor actor, string name, CancellationToken cancellationToken);

    /// <summary>Creates a custom role.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="role">The role.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The role, or <c>validation_failed</c>, <c>forbidden</c>, <c>conflict</c>.</returns>
    Task<Result<Role>> CreateAsync(AdminActor actor, RoleDefinition role, CancellationToken cancellationToken);

    /// <summary>Replaces a custom role's description and permissions.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="name">The role.</param>
    /// <param name="description">The new description.</param>
    /// <param name="permissions">The new permissions.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The role, or <c>validation_failed</c>, <c>forbidden</c>, <c>not_found</c>.</returns>
    Task<Result<Role>> UpdateAsync(AdminActor actor, string name, string? description, IList<string>? permissions, CancellationToken cancellationToken);

    /// <summary>Deletes a custom role and takes it from every user who held it.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="name">The role.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/>, or <c>forbidden</c>, <c>conflict</c> (the default role), <c>not_found</c>.</returns>
    Task<Result<bool>> DeleteAsync(AdminActor actor, string name, CancellationToken cancellationToken);
}
