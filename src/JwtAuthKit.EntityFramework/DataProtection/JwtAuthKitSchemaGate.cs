using JwtAuthKit.Hosting;

namespace JwtAuthKit.EntityFramework.DataProtection;

/// <summary>
/// Lets the key ring wait for the schema: Data Protection may read its keys at start before JwtAuthKit's initializer has
/// applied the migrations, so the first read applies them (once) when JwtAuthKit owns them.
/// </summary>
internal sealed class JwtAuthKitSchemaGate(IEnumerable<IJwtAuthKitStoreInitializer> initializers)
{
    private readonly Lazy<Task> _ready = new(async () =>
    {
        foreach (var initializer in initializers)
        {
            await initializer.InitializeAsync(CancellationToken.None);
        }
    });

    public Task WhenReadyAsync() => _ready.Value;

    // Data Protection's repository interface is synchronous; this runs once, at start.
    public void WaitUntilReady() => _ready.Value.GetAwaiter().GetResult();
}
