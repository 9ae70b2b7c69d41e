using JwtAuthKit.Applications;
using JwtAuthKit.Audit;
using JwtAuthKit.Roles;

namespace JwtAuthKit.Administration;

/// <summary>
/// Reads and changes an application's authentication settings. A change is validated as a whole: one invalid
/// field refuses the change and nothing is saved. Saved settings apply on this node at once and on others within
/// <see cref="JwtAuthKitOptions.ApplicationCacheDuration"/>.
/// </summary>
internal sealed class SettingsAdministrationService(
    IApplicationStore applications, IRoleStore roles, PermissionResolver permissions, ApplicationResolver resolver, AuditLog audit, TimeProvider time)
{
    public async Task<ApplicationSettings> GetAsync(AdminActor actor, CancellationToken cancellationToken) =>
        (await applications.FindByIdAsync(actor.Application.Id, cancellationToken))?.Settings.Clone() ?? actor.Application.Settings.Clone();

    /// <summary>Applies <paramref name="change"/> to a fresh copy of the stored settings, validates and saves it.</summary>
    /// <param name="actor">The caller.</param>
    /// <param name="change">Returns the changed settings and the names of the fields it changed, or an error.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The saved settings or the error.</returns>
    public async Task<Result<ApplicationSettings>> UpdateAsync(
        AdminActor actor, Func<ApplicationSettings, Result<(ApplicationSettings Settings, IReadOnlyList<string> Fields)>> change, CancellationToken cancellationToken)
    {
        var application = await applications.FindByIdAsync(actor.Application.Id, cancellationToken);
        if (application is null)
        {
            return new JwtAuthKitError(JwtAuthKitErrors.NotFound, "The application no longer exists.");
        }

        var changed = change(application.Settings.Clone());
        if (!changed.Succeeded)
        {
            return changed.Error;
        }

        var (settings, fields) = changed.Value;
        var errors = ApplicationSettingsValidator.Validate(settings);
        if (!errors.ContainsKey("default_role") && !BuiltInRoles.IsBuiltIn(settings.DefaultRole)
            && await roles.FindAsync(application.Id, settings.DefaultRole, cancellationToken) is null)
        {
            errors["default_role"] = ["must be 'user', 'admin' or a role of the application"];
        }

        if (errors.Count > 0)
        {
            return new JwtAuthKitError(JwtAuthKitErrors.ValidationFailed, "Some settings are invalid; nothing was changed.", errors);
        }

        if (fields.Count == 0)
        {
            return settings;
        }

        // Everyone who signs up gets the default role: only someone who holds its permissions may choose it.
        if (settings.DefaultRole != application.Settings.DefaultRole
            && !actor.Covers(await permissions.ResolveAsync(application.Id, [settings.DefaultRole], cancellationToken)))
        {
            return new JwtAuthKitError(JwtAuthKitErrors.Forbidden, "The default role may grant only permissions you hold yourself.");
        }

        application.Settings = settings;
        application.UpdatedAt = time.GetUtcNow();
        await applications.UpdateAsync(application, cancellationToken);
        resolver.Invalidate();
        await audit.RecordAsync(application.Id, AuditEventTypes.SettingsChanged, null, actor.Actor, actor.Client,
            new Dictionary<string, string> { ["fields"] = string.Join(',', fields) }, cancellationToken);
        return settings.Clone();
    }
}
