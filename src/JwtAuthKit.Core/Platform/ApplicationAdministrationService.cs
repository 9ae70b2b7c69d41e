using JwtAuthKit.Administration;
using JwtAuthKit.Applications;
using JwtAuthKit.Audit;

namespace JwtAuthKit.Platform;

/// <summary>
/// The operators' administration of client applications and their API keys (<c>/api/platform</c>). The reserved
/// operators' application is not reachable here. Key changes apply on this node at once and on others within
/// <see cref="JwtAuthKitOptions.ApplicationCacheDuration"/>.
/// </summary>
internal sealed class ApplicationAdministrationService(
    IApplicationStore store,
    ApplicationBootstrapper bootstrapper,
    ApplicationResolver resolver,
    AuditLog audit,
    TimeProvider time)
{
    public const int MaxNameLength = 100;
    public const int MaxKeysPerApplication = 50;

    public Task<IReadOnlyList<Application>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    public async Task<Result<Application>> GetAsync(string id, CancellationToken cancellationToken) =>
        id.Length <= 64 && await store.FindByIdAsync(id, cancellationToken) is { ClientId: not PlatformApplication.ClientId } application
            ? application
            : NotFound();

    /// <summary>Creates an application with its first keys; everything is checked before anything is written.</summary>
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
            return new JwtAuthKitError(JwtAuthKitErrors.ValidationFailed, "Some settings are invalid; nothing was created.", errors);
        }

        var created = await bootstrapper.CreateAsync(name!.Trim(), settings, cancellationToken);
        if (created is null)
        {
            return new JwtAuthKitError(JwtAuthKitErrors.Conflict, "An application with this name already exists.");
        }

        resolver.Invalidate();
        return created;
    }

    /// <summary>Checks a new name without saving anything, so a request can be refused before any of it is written.</summary>
    public async Task<JwtAuthKitError?> CheckRenameAsync(string id, string? name, CancellationToken cancellationToken)
    {
        if (CheckName(name) is { } invalid)
        {
            return invalid;
        }

        return await store.FindByNameAsync(name!.Trim(), cancellationToken) is { } other && other.Id != id
            ? new JwtAuthKitError(JwtAuthKitErrors.Conflict, "An application with this name already exists.")
            : null;
    }

    public async Task<Result<Application>> RenameAsync(string id, string? name, CancellationToken cancellationToken)
    {
        var found = await GetAsync(id, cancellationToken);
        if (!found.Succeeded)
        {
            return found;
        }

        if (await CheckRenameAsync(id, name, cancellationToken) is { } refused)
        {
            return refused;
        }

        var application = found.Value;
        application.Name = name!.Trim();
        application.UpdatedAt = time.GetUtcNow();
        await store.UpdateAsync(application, cancellationToken);
        resolver.Invalidate();
        return application;
    }

    public async Task<Result<bool>> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var found = await GetAsync(id, cancellationToken);
        if (!found.Succeeded || !await store.DeleteAsync(id, cancellationToken))
        {
            return NotFound();
        }

        resolver.Invalidate();
        return true;
    }

    public async Task<Result<IReadOnlyList<ApiKey>>> ListKeysAsync(string id, CancellationToken cancellationToken)
    {
        var found = await GetAsync(id, cancellationToken);
        return found.Succeeded ? Result<IReadOnlyList<ApiKey>>.Success(await store.ListKeysAsync(id, cancellationToken)) : found.Error!;
    }

    /// <summary>Creates a key; its value is in the result only, never stored and never shown again.</summary>
    public async Task<Result<(ApiKey Key, string Value)>> CreateKeyAsync(AdminActor actor, string? kind, string? name, CancellationToken cancellationToken)
    {
        ApiKeyKind? parsed = kind switch { "publishable" => ApiKeyKind.Publishable, "secret" => ApiKeyKind.Secret, _ => null };
        if (parsed is null)
        {
            return JwtAuthKitErrors.Validation("kind", "must be 'publishable' or 'secret'");
        }

        if (name is { Length: > MaxNameLength })
        {
            return JwtAuthKitErrors.Validation("name", $"must be at most {MaxNameLength} characters");
        }

        var keys = await store.ListKeysAsync(actor.Application.Id, cancellationToken);
        if (keys.Count(k => k.RevokedAt is null) >= MaxKeysPerApplication)
        {
            return new JwtAuthKitError(JwtAuthKitErrors.Conflict, $"An application may have at most {MaxKeysPerApplication} active keys; revoke one first.");
        }

        var now = time.GetUtcNow();
        var keyName = string.IsNullOrWhiteSpace(name) ? $"{kind} key created {now:yyyy-MM-dd}" : name.Trim();
        var (key, value) = ApiKeyFactory.Create(actor.Application.Id, parsed.Value, keyName, now);
        if (!await store.AddKeyAsync(key, cancellationToken))
        {
            return new JwtAuthKitError(JwtAuthKitErrors.Conflict, "The key could not be stored; try again.");
        }

        await audit.RecordAsync(actor.Application.Id, AuditEventTypes.KeyCreated, null, actor.Actor, actor.Client,
            new Dictionary<string, string> { ["kind"] = kind!, ["prefix"] = key.Prefix, ["key_id"] = key.Id }, cancellationToken);
        return (key, value);
    }

    public async Task<Result<bool>> RevokeKeyAsync(AdminActor actor, string keyId, CancellationToken cancellationToken)
    {
        var keys = await store.ListKeysAsync(actor.Application.Id, cancellationToken);
        var key = keys.FirstOrDefault(k => k.Id == keyId);
        if (key is null || !await store.RevokeKeyAsync(actor.Application.Id, keyId, time.GetUtcNow(), cancellationToken))
        {
            return new JwtAuthKitError(JwtAuthKitErrors.NotFound, "No such active key.");
        }

        resolver.Invalidate();
        await audit.RecordAsync(actor.Application.Id, AuditEventTypes.KeyRevoked, null, actor.Actor, actor.Client,
            new Dictionary<string, string> { ["prefix"] = key.Prefix, ["key_id"] = key.Id }, cancellationToken);
        return true;
    }

    private static JwtAuthKitError? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength
            ? JwtAuthKitErrors.Validation("name", $"is required, at most {MaxNameLength} characters")
            : string.Equals(name.Trim(), PlatformApplication.Name, StringComparison.OrdinalIgnoreCase)
                ? JwtAuthKitErrors.Validation("name", $"'{PlatformApplication.Name}' is reserved")
                : null;

    private static JwtAuthKitError NotFound() => new(JwtAuthKitErrors.NotFound, "No such application.");
}
