using System.Globalization;
using System.Reflection;
using JwtAuthKit.Administration;
using JwtAuthKit.Audit;
using JwtAuthKit.Platform;
using Microsoft.AspNetCore.Mvc;

namespace JwtAuthKit.HostApp.Dashboard.Pages.Apps;

/// <summary>The application's audit log, filtered by type, user and time, and its activity per day.</summary>
internal sealed class ActivityModel(IAuditLogService audit, IUserAdministrationService users, IActivityReportService reports, TimeProvider time) : AppPageModel
{
    private const int PageSize = 50;

    public static IReadOnlyList<string> EventTypes { get; } = [.. typeof(AuditEventTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal)];

    [FromQuery(Name = "type")]
    public string? Type { get; set; }

    [FromQuery(Name = "user")]
    public string? UserFilter { get; set; }

    [FromQuery(Name = "since")]
    public string? Since { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<AuditEvent> Events { get; private set; } = new([], 0, PageRequest.First);

    public string? FilterError { get; private set; }

    public IReadOnlyList<ActivityDay>? Days { get; private set; }

    public IReadOnlyList<MonthlyActivity> Months { get; private set; } = [];

    public int DailyActive { get; private set; }

    public int MonthlyActive { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset? since = null;
        if (!string.IsNullOrWhiteSpace(Since))
        {
            if (DateTime.TryParse(Since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            {
                since = new DateTimeOffset(parsed, TimeSpan.Zero);
            }
            else
            {
                FilterError = "The date is not valid; use YYYY-MM-DD.";
            }
        }

        string? userId = null;
        if (!string.IsNullOrWhiteSpace(UserFilter))
        {
            userId = UserFilter.Trim();
            if (userId.Contains('@', StringComparison.Ordinal))
            {
                var found = await users.SearchAsync(Access.Actor, userId, PageRequest.Create(1, 5).Value, cancellationToken);
                userId = found.Items.FirstOrDefault(u => string.Equals(u.Email, userId, StringComparison.OrdinalIgnoreCase))?.Id ?? "-";
            }
        }

        var type = EventTypes.Contains(Type ?? "") ? Type : null;
        var page = PageRequest.Create(Math.Clamp(PageNumber, 1, PageRequest.MaxNumber), PageSize).Value;
        Events = await audit.QueryAsync(Access.Actor, new AuditEventFilter(type, userId, since), page, cancellationToken);

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var daily = await reports.GetDailyAsync(Access.Actor, today.AddDays(-29), today, cancellationToken);
        if (daily.Succeeded)
        {
            Days = [.. daily.Value.Select(d => new ActivityDay(d.Day, d.SignIns, d.FailedSignIns, d.SignUps))];
            DailyActive = daily.Value.Count > 0 ? daily.Value[^1].ActiveUsers : 0;
        }

        var monthly = await reports.GetMonthlyAsync(Access.Actor, new DateOnly(today.Year, today.Month, 1).AddMonths(-5), today, cancellationToken);
        if (monthly.Succeeded)
        {
            Months = monthly.Value;
            MonthlyActive = monthly.Value.Count > 0 ? monthly.Value[^1].ActiveUsers : 0;
        }
    }

    public string PageLink(int number) =>
        $"/admin/apps/{Uri.EscapeDataString(AppId)}/activity?type={Uri.EscapeDataString(Type ?? "")}&user={Uri.EscapeDataString(UserFilter ?? "")}&since={Uri.EscapeDataString(Since ?? "")}&page={number}";
}
