using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Applications;

/// <summary>
/// Finds the application a request belongs to, from its API key or a token's audience. Lookups are cached for
/// <see cref="JwtAuthKitOptions.ApplicationCacheDuration"/>, so a revoked key stops working within that time.
/// </summary>
internal sealed class ApplicationResolver(IApplicationStore store, IOptions<JwtAuthKitOptions> options, TimeProvider time) : IDisposable
{
    /// <summary>How stale a key's recorded last use may be before it is written again.</summary>
    internal static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _touched = new(StringComparer.Ordinal);

    // A cache of its own with a size limit: a flood of random keys (each a cached miss) cannot grow memory without bound.
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    private readonly TimeSpan _ttl = options.Value.ApplicationCacheDuration;

    // Bumped by Invalidate: every entry cached under an older generation is never read again.
    private long _generation;

    /// <summary>
    /// Resolves the application of an end-user request from its <c>X-Api-Key</c> header. Only publishable keys
    /// are accepted here: a secret key belongs on servers, and taking it here would invite shipping it to browsers.
    /// </summary>
    public async Task<Result<Application>> ResolveAsync(string? apiKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            // The embedded case: with exactly one application the header may be left out.
            return await FindSingleAsync(cancellationToken) is { } single
                ? single
                : new JwtAuthKitError(JwtAuthKitErrors.ApiKeyRequired, "Send the application's publishable key in the X-Api-Key header.");
        }

        if (!ApiKeyFactory.HasKeyShape(apiKey, ApiKeyKind.Publishable))
        {
            return InvalidKey();
        }

        var resolved = await FindKeyAsync(apiKey, cancellationToken);
        if (resolved is not { Key.Kind: ApiKeyKind.Publishable })
        {
            return InvalidKey();
        }

        await RecordUseAsync(resolved.Key, cancellationToken);
        return resolved.Application;
    }

    /// <summary>
    /// Records a key's use as its last-used time, at most once a minute per key and node: one small conditional
    /// write, not one per request.
    /// </summary>
    public async Task RecordUseAsync(ApiKey key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_touched.TryGetValue(key.Id, out var last) && now - last < LastUsedResolution)
        {
            return;
        }

        _touched[key.Id] = now;
        if (_touched.Count > 100_000)
        {
            _touched.Clear();
        }

        await store.TouchKeyAsync(key.Id, now, now - LastUsedResolution, cancellationToken);
    }

    /// <summary>Finds an active key with its application, by the key's value.</summary>
    public Task<ResolvedApiKey?> FindKeyAsync(string apiKey, CancellationToken cancellationToken) =>
        GetOrLoadAsync("jak:key:" + SecretTokens.Hash(apiKey), ct => store.FindActiveKeyByHashAsync(SecretTokens.Hash(apiKey), ct), cancellationToken);

    /// <summary>Finds an application by client id (a token's audience).</summary>
    public Task<Application?> FindByClientIdAsync(string clientId, CancellationToken cancellationToken) =>
        GetOrLoadAsync("jak:client:" + clientId, ct => store.FindByClientIdAsync(clientId, ct), cancellationToken);

    /// <summary>The browser origins any application allows (for CORS preflights, which name no application).</summary>
    public async Task<IReadOnlySet<string>> AllowedOriginsOfAnyAsync(CancellationToken cancellationToken) =>
        await GetOrLoadAsync<HashSet<string>>("jak:origins", async ct =>
            [.. (await store.ListAsync(ct)).SelectMany(a => a.Settings.AllowedOrigins).Select(NormalizeOrigin).OfType<string>()], cancellationToken) ?? [];

    /// <summary>An origin as browsers send it (<c>scheme://host[:port]</c>, lower case), or <see langword="null"/>.</summary>
    public static string? NormalizeOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant() : null;

    /// <summary>Finds an application by id.</summary>
    public Task<Application?> FindByIdAsync(string id, CancellationToken cancellationToken) =>
        GetOrLoadAsync("jak:app:" + id, ct => store.FindByIdAsync(id, ct), cancellationToken);

    private Task<Application?> FindSingleAsync(CancellationToken cancellationToken) =>
        GetOrLoadAsync("jak:single", async ct =>
        {
            if (await store.CountAsync(2, ct) != 1)
            {
                return null;
            }

            return (await store.ListAsync(ct)).SingleOrDefault();
        }, cancellationToken);

    /// <summary>
    /// Forgets every cached lookup on this node, after an application or key changed here. Other nodes see the
    /// change when their entries expire (<see cref="JwtAuthKitOptions.ApplicationCacheDuration"/>).
    /// </summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    private async Task<T?> GetOrLoadAsync<T>(string name, Func<CancellationToken, Task<T?>> load, CancellationToken cancellationToken)
        where T : class
    {
        var key = Interlocked.Read(ref _generation).ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + name;
        if (cache.TryGetValue(key, out T? cached))
        {
            return cached;
        }

        var value = await load(cancellationToken);
        if (_ttl > TimeSpan.Zero)
        {
            // Misses are cached too, so a flood of bad keys does not reach the database on every request.
            cache.Set(key, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = _ttl, Size = 1 });
        }

        return value;
    }

    public void Dispose() => cache.Dispose();

    private static JwtAuthKitError InvalidKey() => new(JwtAuthKitErrors.InvalidApiKey, "The API key is unknown, revoked or malformed.");
}
