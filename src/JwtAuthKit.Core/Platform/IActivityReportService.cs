using JwtAuthKit.Administration;

namespace JwtAuthKit.Platform;

/// <summary>
/// Counts of an application's sign-ins, failures, sign-ups and active users, by UTC day and month, read from the audit
/// log through its indexes (bounded ranges, so the work does not grow with the number of users beyond the events
/// counted). Needs <c>audit:read</c>.
/// </summary>
public interface IActivityReportService
{
    /// <summary>The most days one report covers.</summary>
    public const int MaxDays = 92;

    /// <summary>The most months one report covers.</summary>
    public const int MaxMonths = 24;

    /// <summary>Activity per UTC day from <paramref name="firstDay"/> to <paramref name="lastDay"/>, both included, oldest first.</summary>
    /// <param name="actor">Who asks, on the application.</param>
    /// <param name="firstDay">The first day.</param>
    /// <param name="lastDay">The last day.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One entry per day, or <c>forbidden</c>, <c>validation_failed</c> (reversed or longer than <see cref="MaxDays"/>).</returns>
    Task<Result<IReadOnlyList<DailyActivity>>> GetDailyAsync(AdminActor actor, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken);

    /// <summary>Monthly active users from the month of <paramref name="firstDay"/> to that of <paramref name="lastDay"/>, both included, oldest first.</summary>
    /// <param name="actor">Who asks, on the application.</param>
    /// <param name="firstDay">A day of the first month.</param>
    /// <param name="lastDay">A day of the last month.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One entry per month, or <c>forbidden</c>, <c>validation_failed</c> (reversed or longer than <see cref="MaxMonths"/>).</returns>
    Task<Result<IReadOnlyList<MonthlyActivity>>> GetMonthlyAsync(AdminActor actor, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken);
}
