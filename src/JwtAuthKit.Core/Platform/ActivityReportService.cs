using JwtAuthKit.Administration;
using JwtAuthKit.Audit;
using JwtAuthKit.Roles;

namespace JwtAuthKit.Platform;

internal sealed class ActivityReportService(IActivityStore store) : IActivityReportService
{
    private static readonly string[] SignIns = [AuditEventTypes.SignIn];
    private static readonly string[] Failures = [AuditEventTypes.SignInFailed];
    private static readonly string[] SignUps = [AuditEventTypes.SignUp];
    private static readonly string[] Active = [AuditEventTypes.SignIn, AuditEventTypes.SignUp];

    public async Task<Result<IReadOnlyList<DailyActivity>>> GetDailyAsync(AdminActor actor, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Covers([AdminPermissions.AuditRead]))
        {
            return Errors.MissingPermission(AdminPermissions.AuditRead);
        }

        var days = lastDay.DayNumber - firstDay.DayNumber + 1;
        if (days < 1 || days > IActivityReportService.MaxDays)
        {
            return JwtAuthKitErrors.Validation("to", $"must be on or after the first day, at most {IActivityReportService.MaxDays} days later");
        }

        var boundaries = Enumerable.Range(0, days + 1).Select(i => Start(firstDay.AddDays(i))).ToList();
        var id = actor.Application.Id;
        var signIns = await store.CountAsync(id, SignIns, boundaries, distinctUsers: false, cancellationToken);
        var failures = await store.CountAsync(id, Failures, boundaries, distinctUsers: false, cancellationToken);
        var signUps = await store.CountAsync(id, SignUps, boundaries, distinctUsers: false, cancellationToken);
        var active = await store.CountAsync(id, Active, boundaries, distinctUsers: true, cancellationToken);
        return Result<IReadOnlyList<DailyActivity>>.Success(
            [.. Enumerable.Range(0, days).Select(i => new DailyActivity(firstDay.AddDays(i), signIns[i], failures[i], signUps[i], active[i]))]);
    }

    public async Task<Result<IReadOnlyList<MonthlyActivity>>> GetMonthlyAsync(AdminActor actor, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Covers([AdminPermissions.AuditRead]))
        {
            return Errors.MissingPermission(AdminPermissions.AuditRead);
        }

        var first = new DateOnly(firstDay.Year, firstDay.Month, 1);
        var months = ((lastDay.Year - first.Year) * 12) + lastDay.Month - first.Month + 1;
        if (months < 1 || months > IActivityReportService.MaxMonths)
        {
            return JwtAuthKitErrors.Validation("to", $"must be on or after the first month, at most {IActivityReportService.MaxMonths} months later");
        }

        var boundaries = Enumerable.Range(0, months + 1).Select(i => Start(first.AddMonths(i))).ToList();
        var active = await store.CountAsync(actor.Application.Id, Active, boundaries, distinctUsers: true, cancellationToken);
        return Result<IReadOnlyList<MonthlyActivity>>.Success([.. Enumerable.Range(0, months).Select(i => new MonthlyActivity(first.AddMonths(i), active[i]))]);
    }

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
