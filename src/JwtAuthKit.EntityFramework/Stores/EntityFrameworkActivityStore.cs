using JwtAuthKit.Audit;
using JwtAuthKit.Platform;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Stores;

/// <summary>
/// One count per period, each a range read of the <c>(ApplicationId, Type, CreatedAt, UserId)</c> index (which covers
/// the distinct-user counts too): the same SQL on every provider, no date functions.
/// </summary>
internal sealed class EntityFrameworkActivityStore<TContext>(JwtAuthKitContextSource<TContext> contexts) : IActivityStore
    where TContext : DbContext
{
    public async Task<IReadOnlyList<int>> CountAsync(string applicationId, IReadOnlyList<string> types, IReadOnlyList<DateTimeOffset> boundaries, bool distinctUsers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(boundaries);
        await using var db = contexts.Create();
        var typeList = types.ToList();
        var counts = new List<int>(Math.Max(0, boundaries.Count - 1));
        for (var i = 0; i + 1 < boundaries.Count; i++)
        {
            var (start, end) = (boundaries[i], boundaries[i + 1]);
            var events = db.Set<AuditEvent>().AsNoTracking()
                .Where(e => e.ApplicationId == applicationId && typeList.Contains(e.Type) && e.CreatedAt >= start && e.CreatedAt < end);
            counts.Add(distinctUsers
                ? await events.Where(e => e.UserId != null).Select(e => e.UserId).Distinct().CountAsync(cancellationToken)
                : await events.CountAsync(cancellationToken));
        }

        return counts;
    }
}
