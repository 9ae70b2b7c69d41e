using JwtAuthKit.Sessions;
using Microsoft.Extensions.Logging;

namespace JwtAuthKit.Audit;

/// <summary>
/// Records audit events. A failure to record is logged and does not fail the user's request: the request's own
/// change has already been made.
/// </summary>
internal sealed partial class AuditLog(IAuditStore store, TimeProvider time, ILogger<AuditLog> logger)
{
    public const string System = "system";

    public Task RecordAsync(string applicationId, string type, string? userId, string? actor, ClientInfo client, IDictionary<string, string>? data, CancellationToken cancellationToken) =>
        AppendAsync(Create(applicationId, type, userId, actor, client, data));

    /// <summary>Records an event made by <see cref="Create"/>; a failure is logged, never thrown.</summary>
    public async Task AppendAsync(AuditEvent auditEvent)
    {
        try
        {
            await store.AddAsync(auditEvent, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRecordFailed(logger, auditEvent.Type, ex);
        }
    }

    /// <summary>The event <see cref="RecordAsync"/> would record, for a caller that writes it with its own change.</summary>
    public AuditEvent Create(string applicationId, string type, string? userId, string? actor, ClientInfo client, IDictionary<string, string>? data)
    {
        var now = time.GetUtcNow();
        return new AuditEvent
        {
            Id = Guid.CreateVersion7(now).ToString(),
            ApplicationId = applicationId,
            Type = type,
            UserId = userId,
            Actor = actor ?? (userId is null ? System : "user:" + userId),
            IpAddress = client.IpAddress,
            UserAgent = client.UserAgent is { Length: > 512 } agent ? agent[..512] : client.UserAgent,
            Data = data ?? new Dictionary<string, string>(),
            CreatedAt = now,
        };
    }

    [LoggerMessage(EventId = 1601, Level = LogLevel.Error, Message = "Recording audit event {Type} failed.")]
    private static partial void LogRecordFailed(ILogger logger, string type, Exception exception);
}
