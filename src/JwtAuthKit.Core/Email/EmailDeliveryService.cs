using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Email;

/// <summary>
/// Delivers the outbox: claims due messages (a conditional update, so nodes never send one twice at once), hands
/// them to the <see cref="IEmailSender"/>, and retries failures with exponential back-off until
/// <see cref="EmailOptions.MaxAttempts"/>, then marks them failed. Requests never wait for the mail server.
/// </summary>
internal sealed partial class EmailDeliveryService(
    IEmailOutboxStore outbox,
    IEmailSender sender,
    IEmailContentProtector protector,
    EmailOutboxSignal signal,
    IOptions<JwtAuthKitOptions> options,
    TimeProvider time,
    ILogger<EmailDeliveryService> logger) : BackgroundService
{
    private const int BatchSize = 20;
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(2);

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
        foreach (var message in due)
        {
            await DeliverAsync(message, cancellationToken);
        }

        return due.Count;
    }

    private async Task DeliverAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value.Email;
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
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            message.LastError = Describe(ex);
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
}
