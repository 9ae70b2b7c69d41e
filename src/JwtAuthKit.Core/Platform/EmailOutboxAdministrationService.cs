using JwtAuthKit.Administration;
using JwtAuthKit.Audit;
using JwtAuthKit.Email;
using JwtAuthKit.Roles;

namespace JwtAuthKit.Platform;

internal sealed class EmailOutboxAdministrationService(
    IEmailOutboxStore outbox,
    IEmailContentProtector protector,
    EmailOutboxSignal signal,
    AuditLog audit,
    TimeProvider time) : IEmailOutboxAdministrationService
{
    private const int MaxIdLength = 64;

    public async Task<Result<OutboxPage>> ListAsync(AdminActor actor, EmailStatus? status, string? before, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Covers([AdminPermissions.AuditRead]))
        {
            return Errors.MissingPermission(AdminPermissions.AuditRead);
        }

        if (pageSize is < 1 or > IEmailOutboxAdministrationService.MaxPageSize)
        {
            return JwtAuthKitErrors.Validation("page_size", $"must be a whole number from 1 to {IEmailOutboxAdministrationService.MaxPageSize}");
        }

        if (before is { Length: > MaxIdLength } || (status is { } s && !Enum.IsDefined(s)))
        {
            return JwtAuthKitErrors.Validation(before is { Length: > MaxIdLength } ? "before" : "status", "is not valid");
        }

        // One more than asked tells whether another page follows, without counting the outbox.
        var messages = await outbox.ListPageAsync(actor.Application.Id, status, before, pageSize + 1, cancellationToken);
        var page = messages.Take(pageSize).Select(Describe).ToList();
        return new OutboxPage(page, messages.Count > pageSize ? page[^1].Id : null);
    }

    public async Task<Result<bool>> RetryAsync(AdminActor actor, string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(messageId);
        if (!actor.Covers([AdminPermissions.SettingsWrite]))
        {
            return Errors.MissingPermission(AdminPermissions.SettingsWrite);
        }

        if (messageId.Length > MaxIdLength
            || await outbox.FindAsync(messageId, cancellationToken) is not { Status: EmailStatus.Failed } message
            || message.ApplicationId != actor.Application.Id
            || !await outbox.RetryAsync(messageId, time.GetUtcNow(), cancellationToken))
        {
            return Errors.EmailMessageNotFound;
        }

        signal.Notify();
        await audit.RecordAsync(actor.Application.Id, AuditEventTypes.EmailRetried, null, actor.AuditName, actor.Client,
            new Dictionary<string, string> { ["message_id"] = message.Id, ["kind"] = message.Kind }, cancellationToken);
        return true;
    }

    private OutboxMessage Describe(EmailMessage m) =>
        new(m.Id, m.Kind, m.To, Subject(m), m.Status, m.Attempts, m.LastError, m.CreatedAt, m.NextAttemptAt, m.SentAt);

    private string Subject(EmailMessage message)
    {
        try
        {
            return protector.Unprotect(message.ProtectedSubject);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // A key ring that lost the key of an old message: the row is still worth listing.
            return "(subject unreadable)";
        }
    }
}
