using System.Globalization;
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
        AdminCaller caller, IAuditStore audit, [FromQuery] string? type, [FromQuery(Name = "user_id")] string? userId, [FromQuery] string? since,
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
                return JwtAuthKitErrors.Validation("since", "must be an RFC 3339 time such as 2026-01-31T12:00:00Z").ToProblem();
            }

            from = parsed;
        }

        var (number, size) = paging.Value;
        var query = new AuditQuery(caller.Actor.Application.Id, Blank(type, 100), Blank(userId, 64), from, (number - 1) * size, size);
        var (items, total) = await audit.QueryAsync(query, cancellationToken);
        return TypedResults.Ok(new PageResponse<AuditEventResponse> { Items = [.. items.Select(AuditEventResponse.From)], Total = total, Page = number, PageSize = size });
    }

    private static string? Blank(string? value, int max) => string.IsNullOrEmpty(value) ? null : value.Length > max ? value[..max] : value;
}
