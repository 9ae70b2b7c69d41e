using JwtAuthKit.Applications;
using Microsoft.Extensions.DependencyInjection;

namespace JwtAuthKit.Specification;

/// <summary>
/// The stores under test, for one test class: a provider's fixture builds a service provider holding JwtAuthKit's store
/// interfaces on a fresh, migrated database of its own. Every test works in the application this fixture creates.
/// </summary>
public abstract class StoreFixture : IAsyncLifetime
{
    private IServiceProvider? _services;

    /// <summary>The application every test's rows belong to.</summary>
    public Application Application { get; private set; } = null!;

    /// <summary>A store (or any other service) of the provider under test.</summary>
    /// <typeparam name="T">The service.</typeparam>
    /// <returns>The service.</returns>
    public T Get<T>()
        where T : notnull => (_services ?? throw new InvalidOperationException("The fixture has not started.")).GetRequiredService<T>();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _services = await CreateServicesAsync();
        var now = DateTimeOffset.UtcNow;
        Application = new Application { Id = Ids.New(), Name = "spec-" + Ids.New(), ClientId = "spec-" + Ids.New(), CreatedAt = now, UpdatedAt = now };
        (await Get<IApplicationStore>().CreateAsync(Application, [], default)).Should().BeTrue();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        switch (_services)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    /// <summary>Builds the provider's services on an empty database and applies its schema.</summary>
    /// <returns>The services.</returns>
    protected abstract Task<IServiceProvider> CreateServicesAsync();
}
