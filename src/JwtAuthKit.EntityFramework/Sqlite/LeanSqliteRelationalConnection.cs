using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace JwtAuthKit.EntityFramework.Sqlite;

#pragma warning disable EF1001 // EF Core's SQLite connection type is internal API; replaced only for JwtAuthKit's own context.

/// <summary>
/// EF Core's SQLite connection without the user-defined functions EF registers on every connection (<c>regexp</c>, the
/// <c>ef_*</c> decimal functions and aggregates, the <c>EF_DECIMAL</c> collation). Microsoft.Data.Sqlite applies each
/// registration again on every <c>Open</c>, and the stores open a connection for nearly every call: twelve
/// registrations cost about 20 µs per open and take a lock shared by all connections (measured in bench/). JwtAuthKit's
/// model has no decimal column and its queries use no regular expression, so nothing it runs needs them.
/// </summary>
/// <remarks>
/// Used only by <see cref="SqliteJwtAuthKitDbContext"/> (JwtAuthKit's own database). An application's own context,
/// given to <c>AddEntityFrameworkStores</c>, keeps EF Core's connection unchanged. If a future query needed one of the
/// functions, SQLite would refuse it with "no such function", which every store test would show.
/// </remarks>
internal sealed class LeanSqliteRelationalConnection(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    /// <summary>Makes the context use this connection type.</summary>
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options) =>
        options.ReplaceService<ISqliteRelationalConnection, LeanSqliteRelationalConnection>();

    private readonly int? _commandTimeout = RelationalOptionsExtension.Extract(dependencies.ContextOptions).CommandTimeout;

    protected override DbConnection CreateDbConnection()
    {
        var connection = new SqliteConnection(GetValidatedConnectionString());
        if (_commandTimeout is { } timeout)
        {
            connection.DefaultTimeout = timeout;
        }

        return connection;
    }
}
