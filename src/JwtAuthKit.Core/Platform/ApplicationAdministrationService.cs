using JwtAuthKit.Administration;
using JwtAuthKit.Applications;
using JwtAuthKit.Audit;

namespace JwtAuthKit.Platform;

internal sealed class ApplicationAdministrationService(
    IApplicationStore store,
    ApplicationBootstrapper bootstrapper,
    ApplicationResolver resolver,
    ISettingsAdministrationService settingsAdministration,
    AuditLog audit,
    TimeProvider time) : IApplicationAdministrationService
{
    public const int MaxNameLength = 100;
    public const int MaxKeysPerApplication = 50;
    private const int MaxIdLength = 64;

    public Task<IReadOnlyList<Application>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    public async Task<Result<Application>> GetAsync(string applicationId, CancellationToken cancellationToken) =>
        applicationId.Length <= MaxIdLength && await store.FindByIdAsync(applicationId, cancellationToken) is { ClientId: not PlatformApplication.ClientId } application
            ? application
            : Errors.ApplicationNotFound;

    public async Task<Result<CreatedApplication>> CreateAsync(string? name, ApplicationSettings? settings, CancellationToken cancellationToken)
    {
        if (CheckName(name) is { } invalid)
        {
            return invalid;
        }

        settings ??= new ApplicationSettings();
        var errors = ApplicationSettingsValidator.Validate(settings);
        if (!errors.ContainsKey("default_role") && !Roles.BuiltInRoles.IsBuiltIn(settings.DefaultRole))
        {
            errors["default_role"] = ["must be 'user' or 'admin' for a new application"];
        }

        if (errors.Count > 0)
        {
            return Errors.SettingsInvalid(errors);
        }

        var created = await bootstrapper.CreateAsync(name!.Trim(), settings, cancellationToken);
        if (created is null)
        {
            return Errors.ApplicationNameTaken;
        }

        resolver.Invalidate();
        return created;
    }

    public async Task<Result<Application>> UpdateAsync(AdminActor actor, string? name, Func<ApplicationSettings, Result<ApplicationSettings>>? settingsChange, CancellationToken cancellationToken)
    {
        var id = actor.Application.Id;
        var found = await GetAsync(id, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        // The name is checked first: a refused request must leave the settings as they were.
        if (name is not null && await CheckRenameAsync(id, name, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (settingsChange is not null)
        {
            var changed = await settingsAdministration.UpdateAsync(actor, settingsChange, cancellationToken);
            if (!changed.Succeeded)
            {
                return changed.Error;
            }
        }

        if (name is not null && (await store.FindByIdAsync(id, cancellationToken)) is { } application)
        {
            application.Name = name.Trim();
            application.UpdatedAt = time.GetUtcNow();
            await store.UpdateAsync(application, cancellationToken);
            resolver.Invalidate();
        }

        return await GetAsync(id, cancellationToken);
    }

    public async Task<Result<bool>> DeleteAsync(string applicationId, CancellationToken cancellationToken)
    {
        var found = await GetAsync(applicationId, cancellationToken);
        if (!found.Succeeded || !await store.DeleteAsync(applicationId, cancellationToken))
        {
            return Errors.ApplicationNotFound;
        }

        resolver.Invalidate();
        return true;
    }

    public async Task<Result<IReadOnlyList<ApiKey>>> ListKeysAsync(string applicationId, CancellationToken cancellationToken)
    {
        var found = await GetAsync(applicationId, cancellationToken);
        return found.Succeeded ? Result<IReadOnlyList<ApiKey>>.Success(await store.ListKeysAsync(applicationId, cancellationToken)) : found.Error;
    }

    public async Task<Result<CreatedApiKey>> CreateKeyAsync(AdminActor actor, ApiKeyKind kind, string? name, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(kind))
        {
            return JwtAuthKitErrors.Validation("kind", "must be 'publishable' or 'secret'");
        }

        if (name is { Length: > MaxNameLength })
        {
            return Errors.NameTooLong(MaxNameLength);
        }

        var keys = await store.ListKeysAsync(actor.Application.Id, cancellationToken);
        if (keys.Count(k => k.RevokedAt is null) >= MaxKeysPerApplication)
        {
            return Errors.TooManyKeys(MaxKeysPerApplication);
        }

        var now = time.GetUtcNow();
        var kindName = ApiKeyFactory.KindName(kind);
        var keyName = string.IsNullOrWhiteSpace(name) ? $"{kindName} key created {now:yyyy-MM-dd}" : name.Trim();
        var (key, value) = ApiKeyFactory.Create(actor.Application.Id, kind, keyName, now);
        if (!await store.AddKeyAsync(key, cancellationToken))
        {
            return Errors.KeyNotStored;
        }

        await audit.RecordAsync(actor.Application.Id, AuditEventTypes.KeyCreated, null, actor.AuditName, actor.Client,
            new Dictionary<string, string> { ["kind"] = kindName, ["prefix"] = key.Prefix, ["key_id"] = key.Id }, cancellationToken);
        return new CreatedApiKey(key, value);
    }

    public async Task<Result<bool>> RevokeKeyAsync(AdminActor actor, string keyId, CancellationToken cancellationToken)
    {
        var keys = await store.ListKeysAsync(actor.Application.Id, cancellationToken);
        var key = keys.FirstOrDefault(k => k.Id == keyId);
        if (key is null || !await store.RevokeKeyAsync(actor.Application.Id, keyId, time.GetUtcNow(), cancellationToken))
        {
            return Errors.KeyNotFound;
        }

        resolver.Invalidate();
        await audit.RecordAsync(actor.Application.Id, AuditEventTypes.KeyRevoked, null, actor.AuditName, actor.Client,
            new Dictionary<string, string> { ["prefix"] = key.Prefix, ["key_id"] = key.Id }, cancellationToken);
        return true;
    }

    private async Task<JwtAuthKitError?> CheckRenameAsync(string id, string name, CancellationToken cancellationToken)
    {
        if (CheckName(name) is { } invalid)
        {
            return invalid;
        }

        return await store.FindByNameAsync(name.Trim(), cancellationToken) is { } other && other.Id != id ? Errors.ApplicationNameTaken : null;
    }

    private static JwtAuthKitError? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength
            ? JwtAuthKitErrors.Validation("name", $"is required, at most {MaxNameLength} characters")
            : string.Equals(name.Trim(), PlatformApplication.Name, StringComparison.OrdinalIgnoreCase)
                ? JwtAuthKitErrors.Validation("name", $"'{PlatformApplication.Name}' is reserved")
                : null;
}
