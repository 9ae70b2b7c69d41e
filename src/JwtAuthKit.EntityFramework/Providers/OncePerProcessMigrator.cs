namespace JwtAuthKit.EntityFramework.Providers;

/// <summary>
/// The part every provider's migrator shares: however many callers ask (the start-up initializer, the host's
/// <c>migrate</c> command, a readiness check), the provider's own steps run once per process, one caller at a time.
/// </summary>
internal abstract class OncePerProcessMigrator : IJwtAuthKitMigrator, IDisposable
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _done;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await _once.WaitAsync(cancellationToken);
        try
        {
            if (!_done)
            {
                await MigrateOnceAsync(cancellationToken);
                _done = true;
            }
        }
        finally
        {
            _once.Release();
        }
    }

    /// <summary>The provider's steps: applying the migrations, with whatever the provider needs around them.</summary>
    protected abstract Task MigrateOnceAsync(CancellationToken cancellationToken);

    public void Dispose() => _once.Dispose();
}
