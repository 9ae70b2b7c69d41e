namespace JwtAuthKit.Maintenance;

/// <summary>
/// Leases of scheduled jobs in the shared database, so that of several nodes reaching a job's time together exactly one
/// runs it. Each call persists on its own.
/// </summary>
public interface IJobLeaseStore
{
    /// <summary>
    /// Takes the lease of <paramref name="job"/> until <paramref name="until"/> if no one holds it at <paramref name="now"/>:
    /// a conditional update (or the first insert), so of concurrent callers exactly one gets <see langword="true"/>.
    /// </summary>
    /// <param name="job">The job's name.</param>
    /// <param name="holder">Who takes it (a node's id), for operators reading the table.</param>
    /// <param name="now">The current time.</param>
    /// <param name="until">When the lease ends.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the caller now holds the lease.</returns>
    Task<bool> TryAcquireAsync(string job, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);
}
