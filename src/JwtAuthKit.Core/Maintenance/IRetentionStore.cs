namespace JwtAuthKit.Maintenance;

/// <summary>Deletes rows nothing needs any more, a batch at a time. Each call persists on its own.</summary>
public interface IRetentionStore
{
    /// <summary>
    /// Deletes at most <paramref name="batchSize"/> rows of one kind whose time (expiry, delivery, creation or last failure)
    /// is before <paramref name="before"/>, in one short statement. Safe to call from several nodes at once: a row
    /// another caller deleted first is simply not counted.
    /// </summary>
    /// <param name="records">Which rows.</param>
    /// <param name="before">The cut-off.</param>
    /// <param name="batchSize">The most rows to delete.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many rows were deleted; less than <paramref name="batchSize"/> when none are left.</returns>
    Task<int> DeleteBatchAsync(ExpiredRecords records, DateTimeOffset before, int batchSize, CancellationToken cancellationToken);
}
