using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace JwtAuthKit.Bench;

/// <summary>
/// Bulk users for the scale runs: a template user is made through the admin API (so its row and its Argon2id hash are
/// exactly what the library writes), then its row is copied with a new id, address and name — the password hash computed
/// once and reused, so every seeded user signs in with the bench password. SQLite: one transaction of prepared inserts;
/// PostgreSQL: binary COPY, then VACUUM (ANALYZE) and a CHECKPOINT.
/// </summary>
public static class Seeder
{
    public const string TemplateEmail = "template@bench.example";

    public static string Email(long n) => $"seed{n.ToString("D7", CultureInfo.InvariantCulture)}@bench.example";

    /// <summary>Adds users numbered <paramref name="from"/> to <paramref name="to"/> (exclusive); the time it took.</summary>
    public static Task<TimeSpan> SeedAsync(string provider, string connectionString, long from, long to) =>
        provider == "PostgreSql" ? SeedPostgreSqlAsync(connectionString, from, to) : SeedSqliteAsync(connectionString, from, to);

    private static async Task<TimeSpan> SeedSqliteAsync(string connectionString, long from, long to)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new SqliteConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using (var busy = connection.CreateCommand())
        {
            // A large page cache for this connection only: the inserts update five indexes, which is most of the work.
            busy.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA cache_size = -262144";
            await busy.ExecuteNonQueryAsync();
        }

        var (columns, template) = await ReadTemplateAsync(connection, "SELECT * FROM jak_users WHERE Email = $email", "$email");
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO jak_users ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
        var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null))).ToArray();
        insert.Prepare();
        for (var n = from; n < to; n++)
        {
            var row = Row(columns, template, n);
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i] ?? DBNull.Value;
            }

            insert.ExecuteNonQuery(); // Microsoft.Data.Sqlite is synchronous underneath; the async form only adds overhead
        }

        await transaction.CommitAsync();
        return watch.Elapsed;
    }

    private static async Task<TimeSpan> SeedPostgreSqlAsync(string connectionString, long from, long to)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        string[] types;
        string[] columns;
        object?[] template;
        await using (var read = new NpgsqlCommand("SELECT * FROM jak_users WHERE \"Email\" = @email", connection))
        {
            read.Parameters.AddWithValue("email", TemplateEmail);
            await using var reader = await read.ExecuteReaderAsync();
            if (!await reader.ReadAsync())
            {
                throw new InvalidOperationException("The template user is missing.");
            }

            columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            types = Enumerable.Range(0, reader.FieldCount).Select(reader.GetDataTypeName).ToArray();
            template = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToArray();
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            $"COPY jak_users ({string.Join(", ", columns.Select(c => "\"" + c + "\""))}) FROM STDIN (FORMAT BINARY)"))
        {
            for (var n = from; n < to; n++)
            {
                var row = Row(columns, template, n);
                await writer.StartRowAsync();
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] is null)
                    {
                        await writer.WriteNullAsync();
                    }
                    else
                    {
                        await writer.WriteAsync(row[i], types[i]);
                    }
                }
            }

            await writer.CompleteAsync();
        }

        // Settle the load before anything is measured, as a table grown over months would be: VACUUM sets the hint bits
        // and the visibility map the COPY left unset (else autovacuum does it, a core busy for seconds, at a moment of its
        // choosing within a minute of the load) and ANALYZE gathers the statistics; the CHECKPOINT writes the dirty pages
        // out now rather than in the background while sign-ins are timed. Each is its own statement: VACUUM cannot run in
        // the implicit transaction of a batch.
        foreach (var sql in new[] { "VACUUM (ANALYZE) jak_users", "CHECKPOINT" })
        {
            await using var settle = new NpgsqlCommand(sql, connection);
            settle.CommandTimeout = 600;
            await settle.ExecuteNonQueryAsync();
        }

        return watch.Elapsed;
    }

    private static async Task<(string[] Columns, object?[] Values)> ReadTemplateAsync(SqliteConnection connection, string sql, string parameter)
    {
        await using var read = connection.CreateCommand();
        read.CommandText = sql;
        read.Parameters.AddWithValue(parameter, TemplateEmail);
        await using var reader = await read.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            throw new InvalidOperationException("The template user is missing.");
        }

        return (Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray(),
            Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i)).ToArray());
    }

    private static object?[] Row(string[] columns, object?[] template, long n)
    {
        var row = (object?[])template.Clone();
        for (var i = 0; i < columns.Length; i++)
        {
            row[i] = columns[i] switch
            {
                "Id" => Guid.CreateVersion7().ToString(),
                "Email" => Email(n),
                "Name" => $"Seed User {n.ToString(CultureInfo.InvariantCulture)}",
                "SearchName" => $"seed user {n.ToString(CultureInfo.InvariantCulture)}",
                "ConcurrencyStamp" => Guid.NewGuid().ToString(),
                "ExternalId" => null,
                _ => row[i],
            };
        }

        return row;
    }
}
