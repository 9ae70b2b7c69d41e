using System.Globalization;
using JwtAuthKit.Administration;
using JwtAuthKit.AspNetCore.Contracts;
using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace JwtAuthKit.AspNetCore.Endpoints;

/// <summary>An application's audit log (<c>/api/admin/audit-events</c>), newest first.</summary>
internal static class AdminAuditHandlers
{
    public static async Task<Results<Ok<PageResponse<AuditEventResponse>>, ProblemHttpResult>> QueryAsync(
        AdminCaller caller, IAuditLogService audit, [FromQuery] string? type, [FromQuery(Name = "user_id")] string? userId, [FromQuery] string? since,
        [FromQuery] string? page, [FromQuery(Name = "page_size")] string? pageSize, CancellationToken cancellationToken)
    {
        var paging = Paging.Parse(page, pageSize);
        if (!paging.Succeeded)
        {
            return paging.Error.ToProblem();
        }

        DateTimeOffset? from = null;
        if (!string.IsNullOrEmpty(since))
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return HttpErrors.InvalidSince.ToProblem();
            }

            from = parsed;
        }

        var events = await audit.QueryAsync(caller.Actor, new AuditEventFilter(Blank(type, 100), Blank(userId, 64), from), paging.Value, cancellationToken);
        return TypedResults.Ok(PageResponse<AuditEventResponse>.From(events, AuditEventResponse.From));
    }

    private static string? Blank(string? value, int max) => string.IsNullOrEmpty(value) ? null : value.Length > max ? value[..max] : value;
}
