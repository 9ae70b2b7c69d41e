namespace JwtAuthKit.Platform;

/// <summary>Counts audit events for activity reports (<see cref="IActivityReportService"/>). Each method reads on its own.</summary>
public interface IActivityStore
{
    /// <summary>
    /// Counts an application's events of some types in consecutive periods: period <c>i</c> runs from
    /// <c>boundaries[i]</c> (included) to <c>boundaries[i + 1]</c> (excluded).
    /// </summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="types">The event types counted.</param>
    /// <param name="boundaries">The periods' limits, ascending; one more than the periods.</param>
    /// <param name="distinctUsers">Count distinct users (events without a user left out) rather than events.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One count per period.</returns>
    Task<IReadOnlyList<int>> CountAsync(string applicationId, IReadOnlyList<string> types, IReadOnlyList<DateTimeOffset> boundaries, bool distinctUsers, CancellationToken cancellationToken);
}
