using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Email;

/// <summary>
/// Delivers the outbox: claims due messages (a conditional update, so nodes never send one twice at once), hands
/// them to the <see cref="IEmailSender"/>, and retries failures with exponential back-off until
/// <see cref="EmailOptions.MaxAttempts"/>, then marks them failed. Requests never wait for the mail server.
/// On shutdown it claims nothing more and releases what it claimed but did not send, so the next node or start sends
/// it at once (delivery is at least once: a message whose send was cut off mid-way may go out twice).
/// </summary>
internal sealed partial class EmailDeliveryService(
    IEmailOutboxStore outbox,
    IEmailSender sender,
    IEmailContentProtector protector,
    EmailOutboxSignal signal,
    IOptions<JwtAuthKitOptions> options,
    TimeProvider time,
    Telemetry.JwtAuthKitMetrics metrics,
    ILogger<EmailDeliveryService> logger) : BackgroundService
{
    private const int BatchSize = 20;
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan BacklogInterval = TimeSpan.FromSeconds(10);
    private DateTimeOffset _backlogMeasuredAt = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DeliverDueAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogOutboxUnavailable(logger, ex);
            }

            await MeasureBacklogAsync(stoppingToken);

            try
            {
                await signal.WaitAsync(options.Value.Email.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Delivers what is due now; returns how many messages it attempted.</summary>
    internal async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Email.DeliveryEnabled)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var due = await outbox.ClaimDueAsync(now, now + ClaimDuration, BatchSize, cancellationToken);
        for (var i = 0; i < due.Count; i++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                await ReleaseAsync(due.Skip(i));
                cancellationToken.ThrowIfCancellationRequested();
            }

            try
            {
                await DeliverAsync(due[i], cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await ReleaseAsync(due.Skip(i + 1));
                throw;
            }
        }

        return due.Count;
    }

    /// <summary>Hands back claimed messages untouched (same attempts, same due time), so they are due again at once.</summary>
    private async Task ReleaseAsync(IEnumerable<EmailMessage> messages)
    {
        foreach (var message in messages)
        {
            message.LockedUntil = null;
            await outbox.SaveAttemptAsync(message, CancellationToken.None);
            LogReleased(logger, message.Id);
        }
    }

    /// <summary>Reads the outbox figures for the gauges, only while something listens to them, at most every 10 s.</summary>
    private async Task MeasureBacklogAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!metrics.OutboxGaugesObserved || now - _backlogMeasuredAt < BacklogInterval)
        {
            return;
        }

        _backlogMeasuredAt = now;
        try
        {
            metrics.OutboxMeasured(await outbox.GetBacklogAsync(now, cancellationToken));
        }
        catch (NotSupportedException)
        {
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogOutboxUnavailable(logger, ex);
        }
    }

    private async Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value.Email;
        using var activity = metrics.ActivitySource.StartActivity("jwtauthkit.outbox.deliver");
        activity?.SetTag("jwtauthkit.email.kind", message.Kind);
        activity?.SetTag("jwtauthkit.email.attempt", message.Attempts + 1);
        var claimed = (message.Attempts, message.NextAttemptAt);
        message.Attempts++;
        message.LockedUntil = null;
        try
        {
            if (message.ProtectedTextBody is null || message.ProtectedHtmlBody is null)
            {
                throw new InvalidOperationException("The message content was erased before delivery.");
            }

            var email = new OutgoingEmail(message.Id, message.To, protector.Unprotect(message.ProtectedSubject), protector.Unprotect(message.ProtectedTextBody),
                protector.Unprotect(message.ProtectedHtmlBody), message.FromAddress, message.FromName);
            await sender.SendAsync(email, cancellationToken);
            message.Status = EmailStatus.Sent;
            message.SentAt = time.GetUtcNow();
            message.LastError = null;
            if (sender is not DevMailboxEmailSender)
            {
                // Delivered: the links and codes inside need not stay in the database.
                message.ProtectedTextBody = null;
                message.ProtectedHtmlBody = null;
            }

            LogSent(logger, message.Id, message.Kind, message.Attempts);
            activity?.SetTag("jwtauthkit.outcome", "sent");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-send: not an attempt that failed. Release it as claimed so it goes out on the next start.
            (message.Attempts, message.NextAttemptAt) = claimed;
            activity?.SetTag("jwtauthkit.outcome", "released");
            await ReleaseAsync([message]);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            message.LastError = Describe(ex);
            activity?.SetTag("jwtauthkit.outcome", "failed");
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
            if (message.Attempts >= settings.MaxAttempts)
            {
                message.Status = EmailStatus.Failed;
                LogFailed(logger, message.Id, message.Kind, message.Attempts, message.LastError);
            }
            else
            {
                var delay = TimeSpan.FromTicks(Math.Min(settings.MaxRetryDelay.Ticks, settings.InitialRetryDelay.Ticks * (1L << Math.Min(message.Attempts - 1, 30))));
                message.NextAttemptAt = time.GetUtcNow() + delay;
                LogRetry(logger, message.Id, message.Attempts, delay, message.LastError);
            }
        }

        await outbox.SaveAttemptAsync(message, CancellationToken.None);
    }

    private static string Describe(Exception ex)
    {
        var text = $"{ex.GetType().Name}: {ex.Message}";
        return text.Length > 500 ? text[..500] : text;
    }

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Email {MessageId} ({Kind}) delivered on attempt {Attempt}.")]
    private static partial void LogSent(ILogger logger, string messageId, string kind, int attempt);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Warning, Message = "Email {MessageId} attempt {Attempt} failed; retrying in {Delay}: {Error}")]
    private static partial void LogRetry(ILogger logger, string messageId, int attempt, TimeSpan delay, string error);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Error, Message = "Email {MessageId} ({Kind}) failed after {Attempts} attempts: {Error}")]
    private static partial void LogFailed(ILogger logger, string messageId, string kind, int attempts, string error);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Warning, Message = "Reading the email outbox failed; retrying at the next interval.")]
    private static partial void LogOutboxUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1505, Level = LogLevel.Information, Message = "Email {MessageId} released unsent at shutdown; it is sent on the next start.")]
    private static partial void LogReleased(ILogger logger, string messageId);
}
