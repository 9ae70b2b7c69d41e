using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JwtAuthKit.EntityFramework.Sqlite;

/// <summary>
/// Sets <c>PRAGMA synchronous=NORMAL</c> on every SQLite connection JwtAuthKit's own context opens (SQLite's default is
/// <c>FULL</c>, and the setting belongs to the connection, not the file). With the file in WAL mode, a commit then
/// writes the WAL without waiting for <c>fsync</c>; the WAL is synced at checkpoints. A committed transaction survives
/// a crash or kill of the process (it is in the operating system's cache); a power loss or kernel crash may roll back
/// the last transactions before the latest checkpoint, and never corrupts the file (sqlite.org/pragma.html#pragma_synchronous,
/// sqlite.org/wal.html). The reasons and cost: docs/decisions.md.
/// </summary>
/// <remarks>
/// Pooled connections keep their settings, so the pragma runs once per physical connection (remembered by its native
/// handle), not once per use. It also sets <c>busy_timeout</c> (30 s): a writer that meets a lock held by another
/// process waits inside SQLite in short steps, where Microsoft.Data.Sqlite's own retry sleeps 150 ms each time. Writers
/// of this process take turns before that (<c>JwtAuthKitContextSource.BeginWriteAsync</c>). And it sets
/// <c>temp_store=MEMORY</c>: SQLite's statement journals and temporary tables otherwise go to a file it creates and
/// deletes under <c>/var/tmp</c>, which a profile of refreshes caught once per write transaction. Nothing durable lives
/// there; the largest temporary data JwtAuthKit's queries make is a sort of at most 10,000 user rows.
/// </remarks>
internal sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    public const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA temp_store=MEMORY;";

    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsPragmas(connection) is { } sqlite)
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsPragmas(connection) is { } sqlite)
        {
            await using var command = sqlite.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // TryGetValue first: it takes no lock, and every open of a pooled connection asks (TryAdd locks the table).
    private SqliteConnection? NeedsPragmas(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } sqlite && !_configured.TryGetValue(handle, out _) && _configured.TryAdd(handle, handle) ? sqlite : null;
}
