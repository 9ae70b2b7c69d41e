using System.Text.Json;
using JwtAuthKit.Applications;
using JwtAuthKit.Audit;
using JwtAuthKit.Roles;

namespace JwtAuthKit.Administration;

internal sealed class SettingsAdministrationService(
    IApplicationStore applications, PermissionResolver permissions, ApplicationResolver resolver, AuditLog audit, TimeProvider time)
    : ISettingsAdministrationService
{
    private static readonly JsonSerializerOptions FieldNames = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<ApplicationSettings> GetAsync(AdminActor actor, CancellationToken cancellationToken) =>
        (await applications.FindByIdAsync(actor.Application.Id, cancellationToken))?.Settings.Clone() ?? actor.Application.Settings.Clone();

    public async Task<Result<ApplicationSettings>> UpdateAsync(AdminActor actor, Func<ApplicationSettings, Result<ApplicationSettings>> change, CancellationToken cancellationToken)
    {
        var application = await applications.FindByIdAsync(actor.Application.Id, cancellationToken);
        if (application is null)
        {
            return Errors.ApplicationNotFound;
        }

        var changed = change(application.Settings.Clone());
        if (!changed.Succeeded)
        {
            return changed.Error;
        }

        var settings = changed.Value;
        var errors = ApplicationSettingsValidator.Validate(settings);
        if (!errors.ContainsKey("default_role") && (await permissions.FindUnknownAsync(application.Id, [settings.DefaultRole], cancellationToken)).Count > 0)
        {
            errors["default_role"] = ["must be 'user', 'admin' or a role of the application"];
        }

        if (errors.Count > 0)
        {
            return Errors.SettingsInvalid(errors);
        }

        var fields = ChangedFields(application.Settings, settings);
        if (fields.Count == 0)
        {
            return settings;
        }

        // Everyone who signs up gets the default role: only someone who holds its permissions may choose it.
        if (settings.DefaultRole != application.Settings.DefaultRole
            && !actor.Covers(await permissions.ResolveAsync(application.Id, [settings.DefaultRole], cancellationToken)))
        {
            return Errors.DefaultRoleBeyondOwnPermissions;
        }

        application.Settings = settings;
        application.UpdatedAt = time.GetUtcNow();
        await applications.UpdateAsync(application, cancellationToken);
        resolver.Invalidate();
        await audit.RecordAsync(application.Id, AuditEventTypes.SettingsChanged, null, actor.AuditName, actor.Client,
            new Dictionary<string, string> { ["fields"] = string.Join(',', fields) }, cancellationToken);
        return settings.Clone();
    }

    /// <summary>The contract's names (<c>snake_case</c>) of the fields whose values differ.</summary>
    private static List<string> ChangedFields(ApplicationSettings before, ApplicationSettings after)
    {
        var old = JsonSerializer.SerializeToElement(before, FieldNames);
        var now = JsonSerializer.SerializeToElement(after, FieldNames);
        return [.. now.EnumerateObject()
            .Where(field => !old.TryGetProperty(field.Name, out var previous) || !JsonElement.DeepEquals(previous, field.Value))
            .Select(field => field.Name)];
    }
}
