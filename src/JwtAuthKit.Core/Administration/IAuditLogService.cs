using JwtAuthKit.Audit;

namespace JwtAuthKit.Administration;

/// <summary>Reads an application's audit log (<c>/api/admin/audit-events</c>, the dashboard's activity).</summary>
public interface IAuditLogService
{
    /// <summary>The events that match, newest first.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="filter">Which events.</param>
    /// <param name="page">The page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page of events.</returns>
    Task<Page<AuditEvent>> QueryAsync(AdminActor actor, AuditEventFilter filter, PageRequest page, CancellationToken cancellationToken);
}
