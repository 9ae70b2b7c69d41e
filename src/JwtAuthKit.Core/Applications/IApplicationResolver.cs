namespace JwtAuthKit.Applications;

/// <summary>
/// Finds the application a request belongs to: by its publishable key, a secret key, a token's audience or an id.
/// Lookups are cached for <see cref="JwtAuthKitOptions.ApplicationCacheDuration"/>, so a change made on another node
/// (a revoked key, new settings) applies here within that time; on the node that made it, at once.
/// </summary>
public interface IApplicationResolver
{
    /// <summary>
    /// Resolves the application of an end-user request from its <c>X-Api-Key</c> value. Only publishable keys are
    /// accepted: a secret key belongs on servers. With no key and exactly one application, that one is used.
    /// </summary>
    /// <param name="publishableKey">The header's value, or <see langword="null"/> when it was not sent.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The application, or <c>api_key_required</c>, <c>invalid_api_key</c>.</returns>
    Task<Result<Application>> ResolveAsync(string? publishableKey, CancellationToken cancellationToken);

    /// <summary>Finds an active key of either kind by its value, with its application, and records its use.</summary>
    /// <param name="apiKey">The key as presented.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key and its application, or <see langword="null"/> for an unknown, revoked or malformed key.</returns>
    Task<ResolvedApiKey?> AuthenticateKeyAsync(string apiKey, CancellationToken cancellationToken);

    /// <summary>Finds an application by client id (the <c>aud</c> of its tokens).</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The application, or <see langword="null"/>.</returns>
    Task<Application?> FindByClientIdAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>Finds an application by id.</summary>
    /// <param name="id">The application id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The application, or <see langword="null"/>.</returns>
    Task<Application?> FindByIdAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Whether a browser origin may call: one of <paramref name="application"/>'s <c>allowed_origins</c>, or, when no
    /// application is known (a CORS preflight names none), of any application's.
    /// </summary>
    /// <param name="application">The request's application, if known.</param>
    /// <param name="origin">The <c>Origin</c> header as sent.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the origin is allowed.</returns>
    Task<bool> IsOriginAllowedAsync(Application? application, string origin, CancellationToken cancellationToken);
}
