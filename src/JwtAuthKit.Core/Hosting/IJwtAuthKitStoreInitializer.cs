namespace JwtAuthKit.Hosting;

/// <summary>Prepares storage at start (for EF Core: applies migrations). Optional; a store package registers it.</summary>
public interface IJwtAuthKitStoreInitializer
{
    /// <summary>Prepares storage; runs before anything else at start.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task InitializeAsync(CancellationToken cancellationToken);
}
