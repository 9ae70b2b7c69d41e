namespace JwtAuthKit.Audit;

/// <summary>Persists the audit log. Each method persists on its own.</summary>
public interface IAuditStore
{
    /// <summary>Records an event.</summary>
    /// <param name="auditEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task AddAsync(AuditEvent auditEvent, CancellationToken cancellationToken);

    /// <summary>Reads an application's events that match a filter, newest first.</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="filter">Which events.</param>
    /// <param name="page">The page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page of events.</returns>
    Task<Page<AuditEvent>> QueryAsync(string applicationId, AuditEventFilter filter, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Deletes events older than <paramref name="cutoff"/> (retention).</summary>
    /// <param name="cutoff">The oldest time kept.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many were deleted.</returns>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
