namespace JwtAuthKit.Roles;

/// <summary>
/// Turns role names into the permissions they grant within one application. Role definitions are cached for
/// <see cref="JwtAuthKitOptions.ApplicationCacheDuration"/>, so authorization needs no database call per request.
/// </summary>
public interface IPermissionResolver
{
    /// <summary>The permissions the roles grant; <c>*</c> (every permission) for <c>admin</c>.</summary>
    /// <param name="applicationId">The application whose roles are meant.</param>
    /// <param name="roleNames">The role names, as in an access token's <c>roles</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The permissions granted.</returns>
    Task<IReadOnlySet<string>> ResolveAsync(string applicationId, IEnumerable<string> roleNames, CancellationToken cancellationToken);
}
