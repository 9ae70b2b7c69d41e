using System.Collections.Concurrent;
using JwtAuthKit.Caching;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Applications;

internal sealed class ApplicationResolver(IApplicationStore store, IOptions<JwtAuthKitOptions> options, TimeProvider time) : IApplicationResolver
{
    /// <summary>How stale a key's recorded last use may be before it is written again.</summary>
    internal static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private const int MaxTouchedKeys = 100_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _touched = new(StringComparer.Ordinal);

    // A size limit: a flood of random keys (each a cached miss) cannot grow memory without bound.
    private readonly ExpiringCache<object> _cache = new(time, options.Value.ApplicationCacheDuration, maxEntries: 100_000);

    public async Task<Result<Application>> ResolveAsync(string? publishableKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(publishableKey))
        {
            // The embedded case: with exactly one application the header may be left out.
            return await FindSingleAsync(cancellationToken) is { } single ? single : Errors.ApiKeyRequired;
        }

        if (!ApiKeyFactory.HasKeyShape(publishableKey, ApiKeyKind.Publishable))
        {
            return Errors.InvalidApiKey;
        }

        var resolved = await FindKeyAsync(publishableKey, cancellationToken);
        if (resolved is not { Key.Kind: ApiKeyKind.Publishable })
        {
            return Errors.InvalidApiKey;
        }

        await RecordUseAsync(resolved.Key, cancellationToken);
        return resolved.Application;
    }

    public async Task<ResolvedApiKey?> AuthenticateKeyAsync(string apiKey, CancellationToken cancellationToken)
    {
        if (!ApiKeyFactory.HasKeyShape(apiKey, ApiKeyKind.Secret) && !ApiKeyFactory.HasKeyShape(apiKey, ApiKeyKind.Publishable))
        {
            return null;
        }

        var resolved = await FindKeyAsync(apiKey, cancellationToken);
        if (resolved is not null)
        {
            await RecordUseAsync(resolved.Key, cancellationToken);
        }

        return resolved;
    }

    public Task<Application?> FindByClientIdAsync(string clientId, CancellationToken cancellationToken) =>
        GetOrLoadAsync("client:" + clientId, ct => store.FindByClientIdAsync(clientId, ct), cancellationToken);

    public Task<Application?> FindByIdAsync(string id, CancellationToken cancellationToken) =>
        GetOrLoadAsync("app:" + id, ct => store.FindByIdAsync(id, ct), cancellationToken);

    public async Task<bool> IsOriginAllowedAsync(Application? application, string origin, CancellationToken cancellationToken)
    {
        if (NormalizeOrigin(origin) is not { } normalized)
        {
            return false;
        }

        if (application is not null)
        {
            return application.Settings.AllowedOrigins.Select(NormalizeOrigin).Contains(normalized, StringComparer.Ordinal);
        }

        var any = await GetOrLoadAsync<HashSet<string>>("origins", async ct =>
            [.. (await store.ListAsync(ct)).SelectMany(a => a.Settings.AllowedOrigins).Select(NormalizeOrigin).OfType<string>()], cancellationToken);
        return any?.Contains(normalized) == true;
    }

    /// <summary>
    /// Forgets every cached lookup on this node, after an application or key changed here. Other nodes see the change
    /// when their entries expire (<see cref="JwtAuthKitOptions.ApplicationCacheDuration"/>).
    /// </summary>
    public void Invalidate() => _cache.Invalidate();

    /// <summary>An origin as browsers send it (<c>scheme://host[:port]</c>, lower case), or <see langword="null"/>.</summary>
    internal static string? NormalizeOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant() : null;

    /// <summary>Records a key's use as its last-used time, at most once a minute per key and node.</summary>
    private async Task RecordUseAsync(ApiKey key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_touched.TryGetValue(key.Id, out var last) && now - last < LastUsedResolution)
        {
            return;
        }

        _touched[key.Id] = now;
        if (_touched.Count > MaxTouchedKeys)
        {
            _touched.Clear();
        }

        await store.TouchKeyAsync(key.Id, now, now - LastUsedResolution, cancellationToken);
    }

    private Task<ResolvedApiKey?> FindKeyAsync(string apiKey, CancellationToken cancellationToken)
    {
        var hash = SecretTokens.Hash(apiKey);
        return GetOrLoadAsync("key:" + hash, ct => store.FindActiveKeyByHashAsync(hash, ct), cancellationToken);
    }

    private Task<Application?> FindSingleAsync(CancellationToken cancellationToken) =>
        GetOrLoadAsync("single", async ct => await store.CountAsync(2, ct) == 1 ? (await store.ListAsync(ct)).SingleOrDefault() : null, cancellationToken);

    private async Task<T?> GetOrLoadAsync<T>(string key, Func<CancellationToken, Task<T?>> load, CancellationToken cancellationToken)
        where T : class =>
        (T?)await _cache.GetOrLoadAsync(key, async ct => await load(ct), cancellationToken);
}
