using JwtAuthKit.Applications;

namespace JwtAuthKit.Administration;

/// <summary>
/// An application's authentication settings (<c>/api/admin/settings</c>, the dashboard). A change is validated as a
/// whole: one invalid field refuses it and nothing is saved. Saved settings apply on this node at once and on others
/// within <see cref="JwtAuthKitOptions.ApplicationCacheDuration"/>.
/// </summary>
public interface ISettingsAdministrationService
{
    /// <summary>Reads the settings.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A copy of the stored settings.</returns>
    Task<ApplicationSettings> GetAsync(AdminActor actor, CancellationToken cancellationToken);

    /// <summary>
    /// Changes the settings: <paramref name="change"/> receives a fresh copy of the stored settings and returns the
    /// changed copy (or an error); the result is validated as a whole and saved, and the names of the fields that
    /// changed are audited.
    /// </summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="change">Changes a copy of the stored settings.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved settings, or <c>validation_failed</c> (every bad field), <c>forbidden</c>, <c>not_found</c>.</returns>
    Task<Result<ApplicationSettings>> UpdateAsync(AdminActor actor, Func<ApplicationSettings, Result<ApplicationSettings>> change, CancellationToken cancellationToken);
}
