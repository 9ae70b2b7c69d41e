using JwtAuthKit.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JwtAuthKit.EntityFramework.Stores;

/// <summary>
/// Keeps the users table's <c>SearchName</c> column (the name trimmed and lower-cased, indexed with the application)
/// in step with <see cref="User.Name"/> on every save that adds a user or changes its name, so a name search is an index range read, not a scan.
/// </summary>
internal sealed class UserSearchName : SaveChangesInterceptor
{
    public const string Property = "SearchName";

    public static UserSearchName Instance { get; } = new();

    public static string? Of(string? name) => name?.Trim().ToLowerInvariant() is { Length: > 0 } lowered ? (lowered.Length > User.MaxNameLength ? lowered[..User.MaxNameLength] : lowered) : null;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Apply(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Apply(DbContext? context)
    {
        if (context is null || context.Model.FindEntityType(typeof(User))?.FindProperty(Property) is null)
        {
            return;
        }

        // A save that leaves the name alone leaves its column alone (the sign-in's last-login update writes three columns).
        foreach (var entry in context.ChangeTracker.Entries<User>().Where(e => e.State is EntityState.Added || (e.State is EntityState.Modified && e.Property(u => u.Name).IsModified)))
        {
            entry.Property<string?>(Property).CurrentValue = Of(entry.Entity.Name);
        }
    }
}
