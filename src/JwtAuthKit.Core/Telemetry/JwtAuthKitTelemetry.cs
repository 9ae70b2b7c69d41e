namespace JwtAuthKit.Telemetry;

/// <summary>
/// The names under which JwtAuthKit publishes its metrics (<see cref="System.Diagnostics.Metrics.Meter"/>) and traces
/// (<see cref="System.Diagnostics.ActivitySource"/>), for an exporter to subscribe to (OpenTelemetry's
/// <c>AddMeter(JwtAuthKitTelemetry.MeterName)</c> and <c>AddSource(JwtAuthKitTelemetry.ActivitySourceName)</c>).
/// No instrument or span carries an email address, token, code or key: tags hold application ids, methods, error codes
/// and message kinds only.
/// </summary>
public static class JwtAuthKitTelemetry
{
    /// <summary>The meter's name: <c>JwtAuthKit</c>.</summary>
    public const string MeterName = "JwtAuthKit";

    /// <summary>The activity source's name: <c>JwtAuthKit</c>.</summary>
    public const string ActivitySourceName = "JwtAuthKit";
}
