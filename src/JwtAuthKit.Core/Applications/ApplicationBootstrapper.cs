using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Applications;

/// <summary>
/// At start, creates or updates the applications declared in configuration; with none declared and none stored,
/// creates the <c>default</c> application once and writes its keys to the log that one time.
/// </summary>
internal sealed partial class ApplicationBootstrapper(
    IApplicationStore store,
    IOptions<JwtAuthKitOptions> options,
    TimeProvider time,
    ILogger<ApplicationBootstrapper> logger)
{
    public const string DefaultApplicationName = "default";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var declared = options.Value.Applications;
        foreach (var application in declared)
        {
            await UpsertAsync(application, cancellationToken);
        }

        if (declared.Count == 0 && options.Value.CreateDefaultApplication && await store.CountAsync(1, cancellationToken) == 0)
        {
            await CreateDefaultAsync(cancellationToken);
        }
    }

    /// <summary>Creates an application with a new publishable and secret key; the key values are returned once.</summary>
    public async Task<CreatedApplication?> CreateAsync(string name, ApplicationSettings settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var application = NewApplication(name, null, settings, now);
        var (publishable, publishableValue) = ApiKeyFactory.Create(application.Id, ApiKeyKind.Publishable, "default publishable key", now);
        var (secret, secretValue) = ApiKeyFactory.Create(application.Id, ApiKeyKind.Secret, "default secret key", now);
        return await store.CreateAsync(application, [publishable, secret], cancellationToken)
            ? new CreatedApplication(application, publishableValue, secretValue)
            : null;
    }

    private async Task CreateDefaultAsync(CancellationToken cancellationToken)
    {
        // Another node starting at the same moment may win the unique name; then there is nothing to do.
        if (await CreateAsync(DefaultApplicationName, new ApplicationSettings(), cancellationToken) is { } created)
        {
            LogDefaultCreated(logger, created.Application.ClientId, created.PublishableKey, created.SecretKey);
        }
    }

    private async Task UpsertAsync(DeclaredApplication declared, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var existing = declared.ClientId is { } clientId
            ? await store.FindByClientIdAsync(clientId, cancellationToken)
            : await store.FindByNameAsync(declared.Name, cancellationToken);
        if (existing is null)
        {
            var application = NewApplication(declared.Name, declared.ClientId, declared.Settings, now);
            var created = await store.CreateAsync(application, [.. DeclaredKeys(declared, application.Id, now)], cancellationToken);
            if (created)
            {
                LogDeclaredCreated(logger, application.Name, application.ClientId);
                return;
            }

            existing = declared.ClientId is { } id
                ? await store.FindByClientIdAsync(id, cancellationToken)
                : await store.FindByNameAsync(declared.Name, cancellationToken);
            if (existing is null)
            {
                LogDeclaredConflict(logger, declared.Name);
                return;
            }
        }

        existing.Name = declared.Name;
        existing.Settings = declared.Settings.Clone();
        existing.UpdatedAt = now;
        await store.UpdateAsync(existing, cancellationToken);
        foreach (var key in DeclaredKeys(declared, existing.Id, now))
        {
            if (await store.FindActiveKeyByHashAsync(key.KeyHash, cancellationToken) is { } found)
            {
                if (found.Application.Id != existing.Id)
                {
                    LogDeclaredConflict(logger, declared.Name);
                }

                continue;
            }

            await store.AddKeyAsync(key, cancellationToken);
        }
    }

    private static IEnumerable<ApiKey> DeclaredKeys(DeclaredApplication declared, string applicationId, DateTimeOffset now)
    {
        if (declared.PublishableKey is { } pk)
        {
            yield return ApiKeyFactory.FromValue(applicationId, ApiKeyKind.Publishable, "configured publishable key", pk, now);
        }

        if (declared.SecretKey is { } sk)
        {
            yield return ApiKeyFactory.FromValue(applicationId, ApiKeyKind.Secret, "configured secret key", sk, now);
        }
    }

    private static Application NewApplication(string name, string? clientId, ApplicationSettings settings, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now).ToString(),
        Name = name,
        ClientId = clientId ?? "app_" + SecretTokens.Create(12),
        Settings = settings.Clone(),
        CreatedAt = now,
        UpdatedAt = now,
    };

    // The one place a key is logged: the first start of a deployment, as the contract asks, so the operator can
    // copy them. Rotate the secret key if logs leave the machine.
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Created the default application. Client id: {ClientId}. Publishable key: {PublishableKey}. Secret key (shown only this once): {SecretKey}")]
    private static partial void LogDefaultCreated(ILogger logger, string clientId, string publishableKey, string secretKey);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Created application {Name} ({ClientId}) from configuration.")]
    private static partial void LogDeclaredCreated(ILogger logger, string name, string clientId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Application {Name} from configuration conflicts with a stored application (name, client id or key in use).")]
    private static partial void LogDeclaredConflict(ILogger logger, string name);
}
