using JwtAuthKit.Applications;
using JwtAuthKit.Sessions;
using JwtAuthKit.Tokens;
using Microsoft.Extensions.Hosting;

namespace JwtAuthKit.Hosting;

/// <summary>
/// Runs once at start, before requests are served: prepares storage, creates or updates configured
/// applications and the configured first operator, makes sure a signing key exists, and loads the revoked sessions.
/// </summary>
internal sealed class JwtAuthKitInitializer(
    IEnumerable<IJwtAuthKitStoreInitializer> storeInitializers,
    ApplicationBootstrapper applications,
    Platform.FirstOperatorBootstrapper firstOperator,
    SigningKeyManager signingKeys,
    RevokedSessionPoller revocations) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var initializer in storeInitializers)
        {
            await initializer.InitializeAsync(cancellationToken);
        }

        await applications.RunAsync(cancellationToken);
        await firstOperator.RunAsync(cancellationToken);
        await signingKeys.GetPublicJwksAsync(cancellationToken);
        await revocations.LoadAllAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
