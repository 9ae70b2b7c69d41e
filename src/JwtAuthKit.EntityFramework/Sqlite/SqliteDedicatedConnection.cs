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
    /// <c>query_only</c>) never go back to the pool EF Core takes its connections from; null when the context is not on
    /// a SQLite file (another database, an in-memory one, or a connection given without a string).
    /// </summary>
    public static string? ConnectionString(DbContext db)
    {
        if (!db.Database.IsSqlite() || db.Database.GetConnectionString() is not { Length: > 0 } connectionString)
        {
            return null;
        }

        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
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
