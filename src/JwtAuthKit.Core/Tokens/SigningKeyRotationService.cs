using JwtAuthKit.Hosting;
using Microsoft.Extensions.Logging;

namespace JwtAuthKit.Tokens;

/// <summary>
/// Checks every hour whether the signing key is due for its scheduled rotation (<see cref="SigningKeyRotationOptions"/>)
/// and schedules it. Every node checks; the conditional update in <see cref="SigningKeyManager.RotateIfDueAsync"/> lets
/// exactly one of them rotate.
/// </summary>
internal sealed partial class SigningKeyRotationService(SigningKeyManager keys, TimeProvider time, Telemetry.JwtAuthKitMetrics metrics, ILogger<SigningKeyRotationService> logger)
    : HourlyJobService(time)
{
    /// <summary>One check; returns the successor when this node rotated.</summary>
    internal async Task<SigningKey?> RunAsync(CancellationToken cancellationToken)
    {
        var successor = await keys.RotateIfDueAsync(cancellationToken);
        if (successor is not null)
        {
            metrics.SigningKeyRotated();
        }

        return successor;
    }

    protected override Task RunJobAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken);

    protected override void OnFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning, Message = "Checking the scheduled signing-key rotation failed; will try again in an hour.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
