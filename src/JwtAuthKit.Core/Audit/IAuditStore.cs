namespace JwtAuthKit.Audit;

/// <summary>Persists the audit log. Each method persists on its own.</summary>
public interface IAuditStore
{
    /// <summary>Records an event.</summary>
    /// <param name="auditEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task AddAsync(AuditEvent auditEvent, CancellationToken cancellationToken);

    /// <summary>Queries an application's events, newest first.</summary>
    /// <param name="query">The filter and page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page of events and the total that match.</returns>
    Task<(IReadOnlyList<AuditEvent> Items, int Total)> QueryAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes events older than <paramref name="cutoff"/> (retention).</summary>
    /// <param name="cutoff">The oldest time kept.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many were deleted.</returns>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
