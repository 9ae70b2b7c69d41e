using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace HostApp.Tests.Operations;

/// <summary>The real host process exports OTLP (http/protobuf) to a listener in the test when an endpoint is configured.</summary>
public sealed class TelemetryExportTests
{
    [Fact]
    public async Task Configured_with_an_OTLP_endpoint_the_host_exports_its_metrics_and_traces_without_the_address()
    {
        await using var collector = OtlpCollector.Start();
        var environment = new Dictionary<string, string>
        {
            // Export every half second instead of every minute (metrics) and five seconds (traces).
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        };
        await using var host = await HostProcess.StartAsync(null, environment,
            "--JwtAuthKit:DevMailbox:Enabled", "true",
            "--JwtAuthKit:Telemetry:OtlpEndpoint", collector.Address, "--JwtAuthKit:Telemetry:OtlpProtocol", "http/protobuf");
        using var client = host.NewClient();
        const string email = "telemetry.subject@example.com";
        (await client.PostAsJsonAsync("/api/auth/register", new { email, password = "correct horse battery staple" })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await client.PostAsJsonAsync("/api/auth/login", new { email, password = "correct horse battery staple" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostAsJsonAsync("/api/auth/login", new { email, password = "a wrong password" })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await client.GetAsync("/auth/verify-email?token=secret-token-in-a-link");

        var metrics = await collector.WaitForAsync("/v1/metrics", "jwtauthkit.sign_in.failures");
        var traces = await collector.WaitForAsync("/v1/traces", "jwtauthkit.sign_in");
        await collector.WaitForAsync("/v1/traces", "/auth/verify-email"); // the request span of the emailed link's page

        metrics.Should().Contain("jwtauthkit.sign_ins").And.Contain("jwtauthkit.password.hash.duration").And.Contain("invalid_credentials");
        traces.Should().Contain("jwtauthkit.outcome");
        host.Output.Should().Contain("exported over OTLP");
        collector.Everything().Should().NotContain(email).And.NotContain("correct horse").And.NotContain("secret-token-in-a-link");
    }

    /// <summary>An OTLP/HTTP receiver: keeps each request's body (protobuf keeps strings as UTF-8, so names can be searched).</summary>
    private sealed class OtlpCollector : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<(string Path, string Body)> _received = new();
        private readonly Task _serving;

        private OtlpCollector(int port)
        {
            Address = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Address + "/");
            _listener.Start();
            _serving = ServeAsync();
        }

        public string Address { get; }

        public static OtlpCollector Start() => new(HostProcess.FreePort());

        public string Everything() => string.Join("\n", _received.Select(r => r.Body));

        public async Task<string> WaitForAsync(string path, string text)
        {
            for (var i = 0; i < 150; i++)
            {
                var bodies = string.Join("\n", _received.Where(r => r.Path == path).Select(r => r.Body));
                if (bodies.Contains(text, StringComparison.Ordinal))
                {
                    return bodies;
                }

                await Task.Delay(200);
            }

            throw new TimeoutException($"No OTLP export to {path} mentioned {text}; received: {string.Join(", ", _received.Select(r => r.Path))}");
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            try
            {
                await _serving;
            }
            catch (HttpListenerException)
            {
            }
            catch (ObjectDisposedException)
            {
            }

            _listener.Close();
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                var context = await _listener.GetContextAsync();
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                _received.Enqueue((context.Request.Url!.AbsolutePath, Encoding.UTF8.GetString(body.ToArray())));
                // An empty protobuf message is a valid Export…ServiceResponse.
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }
    }
}
