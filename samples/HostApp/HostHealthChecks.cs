using System.Text.Json;
using JwtAuthKit.EntityFramework;
using JwtAuthKit.Smtp;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.HostApp;

/// <summary>
/// <c>/healthz</c> answers while the process serves requests (liveness: no dependency is checked, so a database outage
/// does not get every node restarted); <c>/readyz</c> answers 200 only when the database answers with every migration
/// applied, mail can go out (the SMTP server accepts a connection, or the dev mailbox is on) and the host is not
/// shutting down, else 503. Both answer JSON naming each check: <c>{"status":"Unhealthy","checks":{"mail":{…}}}</c>.
/// </summary>
internal static class HostHealthChecks
{
    private const string Ready = "ready";

    public static void AddHostHealthChecks(this IServiceCollection services, HostMail mail)
    {
        services.AddSingleton(new MailMode(mail));
        // One instance for every probe (AddCheck<T> uses the registered one), so the SMTP result is kept between probes.
        services.AddSingleton<MailReadiness>();
        services.AddHealthChecks()
            .AddCheck<DatabaseReadiness>("database", tags: [Ready])
            .AddCheck<MailReadiness>("mail", tags: [Ready])
            .AddCheck<ShutdownReadiness>("shutdown", tags: [Ready]);
    }

    public static void MapHostHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJsonAsync });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteJsonAsync });
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var body = new Dictionary<string, object>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => new Dictionary<string, string?>
            {
                ["status"] = e.Value.Status.ToString(),
                ["description"] = e.Value.Description,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }

    internal sealed record MailMode(HostMail Mail);

    /// <summary>The database answers and has every migration this build ships (migrations run at start, or by <c>migrate</c>).</summary>
    private sealed class DatabaseReadiness(IServiceProvider services) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var status = await JwtAuthKitDatabase.CheckAsync(services, cancellationToken);
            return status switch
            {
                { Reachable: false } => HealthCheckResult.Unhealthy($"The database cannot be reached ({status.Problem})."),
                { PendingMigrations.Count: > 0 } => HealthCheckResult.Unhealthy($"{status.PendingMigrations.Count} migration(s) not applied: run the host's migrate command."),
                _ => HealthCheckResult.Healthy("The database answers and is migrated."),
            };
        }
    }

    /// <summary>
    /// Mail can be delivered: with SMTP, the server accepts a connection (and TLS, as configured) within 5 s, a result
    /// kept for 15 s so probes do not hammer it; the dev mailbox is always ready; with neither, mail is held (Degraded,
    /// still 200: a deliberate setting the host warns about at start, not an outage).
    /// </summary>
    private sealed class MailReadiness(MailMode mode, IServiceProvider services, TimeProvider time) : IHealthCheck, IDisposable
    {
        private static readonly TimeSpan Keep = TimeSpan.FromSeconds(15);
        private readonly SemaphoreSlim _probing = new(1, 1);
        private (HealthCheckResult Result, DateTimeOffset At)? _last;

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            switch (mode.Mail)
            {
                case HostMail.DevMailbox:
                    return HealthCheckResult.Healthy("Mail is kept in the dev mailbox.");
                case HostMail.Held:
                    return HealthCheckResult.Degraded("No mail is being sent: set JwtAuthKit:Smtp:Host.");
            }

            await _probing.WaitAsync(cancellationToken);
            try
            {
                if (_last is { } last && time.GetUtcNow() - last.At < Keep)
                {
                    return last.Result;
                }

                var result = await ProbeAsync(services.GetRequiredService<IOptions<SmtpOptions>>().Value, cancellationToken);
                _last = (result, time.GetUtcNow());
                return result;
            }
            finally
            {
                _probing.Release();
            }
        }

        private static async Task<HealthCheckResult> ProbeAsync(SmtpOptions settings, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            using var client = new SmtpClient { Timeout = 5000 };
            if (settings.ServerCertificateValidation is { } validation)
            {
                client.ServerCertificateValidationCallback = validation;
            }

            try
            {
                await client.ConnectAsync(settings.Host, settings.Port, settings.Security switch
                {
                    SmtpSecurity.None => SecureSocketOptions.None,
                    SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                    SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                    _ => SecureSocketOptions.Auto,
                }, timeout.Token);
                await client.DisconnectAsync(quit: true, timeout.Token);
                return HealthCheckResult.Healthy("The SMTP server accepts connections.");
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The exception's type only: its message names the server.
                return HealthCheckResult.Unhealthy($"The SMTP server cannot be reached ({ex.GetType().Name}); mail waits in the outbox.");
            }
        }

        public void Dispose() => _probing.Dispose();
    }

    /// <summary>Not ready once shutdown began, so a load balancer stops sending new requests while in-flight ones finish.</summary>
    private sealed class ShutdownReadiness(IHostApplicationLifetime lifetime) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
                ? HealthCheckResult.Unhealthy("The host is shutting down.")
                : HealthCheckResult.Healthy("Serving."));
    }
}
