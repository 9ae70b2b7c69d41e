namespace JwtAuthKit.Roles;

/// <summary>Persists the custom roles of applications. Each method persists on its own.</summary>
public interface IRoleStore
{
    /// <summary>Lists an application's custom roles by name.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The roles.</returns>
    Task<IReadOnlyList<Role>> ListAsync(string applicationId, CancellationToken cancellationToken);

    /// <summary>Finds a custom role.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="name">The role name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The role, or <see langword="null"/>.</returns>
    Task<Role?> FindAsync(string applicationId, string name, CancellationToken cancellationToken);

    /// <summary>Creates a role.</summary>
    /// <param name="role">The role.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when the name is taken.</returns>
    Task<bool> CreateAsync(Role role, CancellationToken cancellationToken);

    /// <summary>Saves a role's description and permissions.</summary>
    /// <param name="role">The role.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when it no longer exists.</returns>
    Task<bool> UpdateAsync(Role role, CancellationToken cancellationToken);

    /// <summary>Deletes a role.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="name">The role name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="false"/> when it did not exist.</returns>
    Task<bool> DeleteAsync(string applicationId, string name, CancellationToken cancellationToken);
}
