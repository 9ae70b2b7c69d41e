using JwtAuthKit.Administration;
using JwtAuthKit.Applications;

namespace JwtAuthKit.Platform;

/// <summary>
/// Client applications and their API keys, as operators and the dashboard manage them (<c>/api/platform</c>, the host's
/// <c>apps create</c>). The reserved operators' application is never reachable here. Changes apply on this node at once
/// and on others within <see cref="JwtAuthKitOptions.ApplicationCacheDuration"/>.
/// </summary>
public interface IApplicationAdministrationService
{
    /// <summary>Lists every client application, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The applications.</returns>
    Task<IReadOnlyList<Application>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Reads a client application.</summary>
    /// <param name="applicationId">The application id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The application, or <c>not_found</c>.</returns>
    Task<Result<Application>> GetAsync(string applicationId, CancellationToken cancellationToken);

    /// <summary>Creates an application with a publishable and a secret key, whose values are returned this once.</summary>
    /// <param name="name">A unique name, at most 100 characters.</param>
    /// <param name="settings">Its settings; the defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The application and its key values, or <c>validation_failed</c>, <c>conflict</c>.</returns>
    Task<Result<CreatedApplication>> CreateAsync(string? name, ApplicationSettings? settings, CancellationToken cancellationToken);

    /// <summary>
    /// Renames an application and/or changes its settings. Everything is checked before anything is saved: a refused
    /// request changes nothing.
    /// </summary>
    /// <param name="actor">Who acts, on the application to change.</param>
    /// <param name="name">The new name, or <see langword="null"/> to keep it.</param>
    /// <param name="settingsChange">Changes a copy of the settings (as <see cref="ISettingsAdministrationService.UpdateAsync"/>), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The application as saved, or <c>validation_failed</c>, <c>conflict</c>, <c>not_found</c>.</returns>
    Task<Result<Application>> UpdateAsync(AdminActor actor, string? name, Func<ApplicationSettings, Result<ApplicationSettings>>? settingsChange, CancellationToken cancellationToken);

    /// <summary>Deletes an application with its users, sessions, roles, keys, mail and events.</summary>
    /// <param name="applicationId">The application id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/>, or <c>not_found</c>.</returns>
    Task<Result<bool>> DeleteAsync(string applicationId, CancellationToken cancellationToken);

    /// <summary>Lists an application's keys without their values, revoked ones included, newest first.</summary>
    /// <param name="applicationId">The application id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The keys, or <c>not_found</c>.</returns>
    Task<Result<IReadOnlyList<ApiKey>>> ListKeysAsync(string applicationId, CancellationToken cancellationToken);

    /// <summary>Creates a key of the actor's application; its value is in the result only, never stored.</summary>
    /// <param name="actor">Who acts, on the application.</param>
    /// <param name="kind">Publishable or secret.</param>
    /// <param name="name">A name to tell it apart, or <see langword="null"/> for one with the date.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key and its value, or <c>validation_failed</c>, <c>conflict</c> (too many keys).</returns>
    Task<Result<CreatedApiKey>> CreateKeyAsync(AdminActor actor, ApiKeyKind kind, string? name, CancellationToken cancellationToken);

    /// <summary>Revokes a key of the actor's application.</summary>
    /// <param name="actor">Who acts, on the application.</param>
    /// <param name="keyId">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/>, or <c>not_found</c>.</returns>
    Task<Result<bool>> RevokeKeyAsync(AdminActor actor, string keyId, CancellationToken cancellationToken);
}
