using JwtAuthKit.Audit;

namespace JwtAuthKit.Administration;

internal sealed class AuditLogService(IAuditStore store) : IAuditLogService
{
    public Task<Page<AuditEvent>> QueryAsync(AdminActor actor, AuditEventFilter filter, PageRequest page, CancellationToken cancellationToken) =>
        store.QueryAsync(actor.Application.Id, filter, page, cancellationToken);
}
