using JwtAuthKit.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace JwtAuthKit.HostApp;

/// <summary>
/// Exports JwtAuthKit's metrics and traces, and ASP.NET Core's, over OTLP — only when an endpoint is configured:
/// <c>JwtAuthKit:Telemetry:OtlpEndpoint</c> (with <c>OtlpProtocol</c> <c>grpc</c> or <c>http/protobuf</c>), or the
/// OpenTelemetry SDK's own <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> and the other <c>OTEL_*</c> variables. With neither, no
/// exporter runs and nothing leaves the host.
/// </summary>
internal static class HostTelemetry
{
    public const string SectionName = "JwtAuthKit:Telemetry";

    /// <summary>Adds the exporters when configured.</summary>
    /// <returns>Where telemetry goes, for the start-up log, or <see langword="null"/> when it stays off.</returns>
    public static string? AddHostTelemetry(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SectionName);
        var endpoint = section["OtlpEndpoint"];
        var sdkEndpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint) && string.IsNullOrWhiteSpace(sdkEndpoint))
        {
            return null;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(section["ServiceName"] ?? "jwtauthkit"))
            .WithMetrics(metrics => metrics.AddMeter(JwtAuthKitTelemetry.MeterName).AddAspNetCoreInstrumentation())
            .WithTracing(tracing => tracing.AddSource(JwtAuthKitTelemetry.ActivitySourceName).AddAspNetCoreInstrumentation(o =>
            {
                // Probes every few seconds would drown the traces that matter.
                o.Filter = context => !context.Request.Path.StartsWithSegments("/healthz") && !context.Request.Path.StartsWithSegments("/readyz");
                // Emailed links carry their token in the query string (/auth/verify-email?token=…): the SDK redacts query
                // values by default; drop the query altogether so no setting can bring a token back into a span.
                o.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
            }));
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            {
                throw new InvalidOperationException($"{SectionName}:OtlpEndpoint must be an absolute URL such as http://collector:4317.");
            }

            var protocol = section["OtlpProtocol"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"];
            // With http/protobuf the exporter adds /v1/traces and /v1/metrics to this base address.
            telemetry.UseOtlpExporter(IsHttp(protocol) ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc, uri);
            return $"{uri.GetLeftPart(UriPartial.Authority)} ({(IsHttp(protocol) ? "http/protobuf" : "grpc")})";
        }

        telemetry.UseOtlpExporter();
        return "OTEL_EXPORTER_OTLP_ENDPOINT";
    }

    private static bool IsHttp(string? protocol) =>
        string.Equals(protocol, "http/protobuf", StringComparison.OrdinalIgnoreCase) || string.Equals(protocol, "HttpProtobuf", StringComparison.OrdinalIgnoreCase);
}
