namespace JwtAuthKit.EntityFramework;

/// <summary>Whether JwtAuthKit's database answers and has every migration this build ships (what <c>/readyz</c> reports).</summary>
/// <param name="Reachable">Whether a connection could be opened and a query run.</param>
/// <param name="PendingMigrations">The migrations this build ships that the database has not applied; empty when current.</param>
/// <param name="Problem">Why the database could not be checked (the exception's type, never a connection string), or <see langword="null"/>.</param>
public sealed record JwtAuthKitDatabaseStatus(bool Reachable, IReadOnlyList<string> PendingMigrations, string? Problem)
{
    /// <summary>Whether the database answers and is fully migrated.</summary>
    public bool Ready => Reachable && PendingMigrations.Count == 0;
}
