using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework.Sqlite;

/// <summary>
/// Connections JwtAuthKit keeps open for itself beside EF Core's, so the statements prepared on them live as long as
/// they do (<see cref="SqlitePreparedReads{TContext}"/>, the rotation writer of <c>SqliteRotationBatch</c>).
/// </summary>
internal static class SqliteDedicatedConnection
{
    /// <summary>
    /// The context's connection string with pooling off, so a dedicated connection's settings (such as
    /// <c>query_only</c>) never go back to the pool EF Core takes its connections from. Only for JwtAuthKit's own
    /// <see cref="SqliteJwtAuthKitDbContext"/> on a file: its connections are configured by the connection string and
    /// <see cref="SqliteConnectionPragmas"/> alone, which a dedicated connection repeats. An application's own context
    /// may configure its connections in ways a plain connection would miss (an interceptor setting an encryption key,
    /// its own pragmas or journal mode), so it keeps EF Core's queries; so do in-memory databases (URI file names too)
    /// and contexts given a connection without a string. Null when not eligible.
    /// </summary>
    public static string? ConnectionString(DbContext db)
    {
        if (db is not SqliteJwtAuthKitDbContext || db.Database.GetConnectionString() is not { Length: > 0 } connectionString)
        {
            return null;
        }

        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:"
            || builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        builder.Pooling = false;
        return builder.ToString();
    }

    /// <summary>Opens a connection on <paramref name="connectionString"/> and runs <paramref name="pragmas"/> on it.</summary>
    public static SqliteConnection Open(string connectionString, string pragmas)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
