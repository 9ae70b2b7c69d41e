using JwtAuthKit.EntityFramework.Stores;
using JwtAuthKit.Sessions;
using Microsoft.Data.Sqlite;

namespace JwtAuthKit.EntityFramework.Sqlite;

/// <summary>
/// The group commit's own SQLite connection, kept open with <c>BEGIN IMMEDIATE</c>, the rotation command
/// (<see cref="SqliteRotationStatement"/>) and <c>COMMIT</c> prepared once, where a command made per rotation compiled
/// its three statements every time. Only the batch's drainer uses it, one batch at a time, and only inside this
/// process's writer turn. It has the pragmas of every connection of JwtAuthKit's own context
/// (<see cref="SqliteConnectionPragmas"/>), the only context it is used with (<see cref="SqliteDedicatedConnection"/>).
/// After any failure the owner disposes it, which rolls back an open transaction, and opens a new one for the next batch.
/// </summary>
internal sealed class SqliteRotationWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _rotate;
    private readonly SqliteCommand _commit;
    private readonly SqliteRotationStatement _statement;

    public SqliteRotationWriter(string connectionString, SqliteRotationStatement statement)
    {
        _statement = statement;
        _connection = SqliteDedicatedConnection.Open(connectionString, SqliteConnectionPragmas.Pragmas);
        try
        {
            _begin = Prepared("BEGIN IMMEDIATE;", 0);
            _commit = Prepared("COMMIT;", 0);
            var names = Enumerable.Range(0, statement.ArgumentCount).Select(i => (object)$"$a{i}").ToArray();
            _rotate = Prepared(string.Format(System.Globalization.CultureInfo.InvariantCulture, statement.Sql, names), statement.ArgumentCount);
        }
        catch
        {
            _begin?.Dispose();
            _commit?.Dispose();
            _connection.Dispose(); // A schema not migrated yet, say: nothing stays open.
            throw;
        }
    }

    /// <summary>The rotation command's text, as logged.</summary>
    public string RotationSql => _rotate.CommandText;

    public void Begin() => _begin.ExecuteNonQuery();

    public void Commit() => _commit.ExecuteNonQuery();

    /// <summary>One rotation inside the open transaction; whether it won (its conditional consume changed the row).</summary>
    public bool Rotate(string presentedTokenId, DateTimeOffset usedAt, byte[] sealedSuccessor, RefreshToken successor)
    {
        var arguments = _statement.Arguments(presentedTokenId, usedAt, sealedSuccessor, successor);
        for (var i = 0; i < arguments.Length; i++)
        {
            _rotate.Parameters[i].Value = arguments[i] is SqliteParameter { Value: var value } ? value : arguments[i];
        }

        return _rotate.ExecuteNonQuery() > 0;
    }

    public void Dispose()
    {
        _begin.Dispose();
        _rotate.Dispose();
        _commit.Dispose();
        _connection.Dispose(); // Closing rolls back a transaction left open by a failure.
    }

    private SqliteCommand Prepared(string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = $"$a{i}" });
        }

        command.Prepare();
        return command;
    }
}
