using JwtAuthKit.Caching;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Roles;

internal sealed class PermissionResolver(IRoleStore roles, IOptions<JwtAuthKitOptions> options, TimeProvider time) : IPermissionResolver
{
    private readonly ExpiringCache<IReadOnlyDictionary<string, IReadOnlyList<string>>> _cache = new(time, options.Value.ApplicationCacheDuration, maxEntries: 10_000);

    public async Task<IReadOnlySet<string>> ResolveAsync(string applicationId, IEnumerable<string> roleNames, CancellationToken cancellationToken)
    {
        var names = roleNames.ToHashSet(StringComparer.Ordinal);
        if (names.Contains(BuiltInRoles.Admin))
        {
            return new HashSet<string>(StringComparer.Ordinal) { BuiltInRoles.AllPermissions };
        }

        var custom = await GetRolesAsync(applicationId, cancellationToken);
        return custom.Where(r => names.Contains(r.Key)).SelectMany(r => r.Value).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The names among <paramref name="roleNames"/> that are neither built in nor roles of the application. Checked against
    /// the cached role list; a name it lacks is checked once more against a fresh list (a role just created on another node).
    /// </summary>
    public async Task<IReadOnlyList<string>> FindUnknownAsync(string applicationId, IEnumerable<string> roleNames, CancellationToken cancellationToken)
    {
        var custom = await GetRolesAsync(applicationId, cancellationToken);
        var unknown = roleNames.Where(n => !BuiltInRoles.IsBuiltIn(n) && !custom.ContainsKey(n)).ToList();
        if (unknown.Count == 0)
        {
            return unknown;
        }

        Invalidate();
        custom = await GetRolesAsync(applicationId, cancellationToken);
        return [.. unknown.Where(n => !custom.ContainsKey(n))];
    }

    public void Invalidate() => _cache.Invalidate();

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetRolesAsync(string applicationId, CancellationToken cancellationToken) =>
        await _cache.GetOrLoadAsync(applicationId, async ct =>
            (await roles.ListAsync(applicationId, ct)).ToDictionary(r => r.Name, r => (IReadOnlyList<string>)[.. r.Permissions], StringComparer.Ordinal), cancellationToken)
        ?? new Dictionary<string, IReadOnlyList<string>>();
}
