using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Roles;

/// <summary>
/// Turns role names into the permissions they grant, within one application. Role definitions are cached for
/// <see cref="JwtAuthKitOptions.ApplicationCacheDuration"/>, so authorization needs no database call per request.
/// </summary>
internal sealed class PermissionResolver(IRoleStore roles, IOptions<JwtAuthKitOptions> options) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    // Part of every cache key: a load that started before Invalidate stores under the old generation and is never read.
    private long _generation;

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

    public void Invalidate(string applicationId)
    {
        _ = applicationId;
        Interlocked.Increment(ref _generation);
    }

    public void Dispose() => _cache.Dispose();

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetRolesAsync(string applicationId, CancellationToken cancellationToken)
    {
        var key = Interlocked.Read(ref _generation).ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + applicationId;
        if (_cache.TryGetValue(key, out IReadOnlyDictionary<string, IReadOnlyList<string>>? cached) && cached is not null)
        {
            return cached;
        }

        var loaded = (await roles.ListAsync(applicationId, cancellationToken))
            .ToDictionary(r => r.Name, r => (IReadOnlyList<string>)[.. r.Permissions], StringComparer.Ordinal);
        _cache.Set(key, (IReadOnlyDictionary<string, IReadOnlyList<string>>)loaded,
            new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = options.Value.ApplicationCacheDuration, Size = 1 });
        return loaded;
    }
}
