using System.Collections.Concurrent;
using JwtAuthKit.Sessions;
using JwtAuthKit.Users;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace JwtAuthKit.EntityFramework.Sqlite;

/// <summary>
/// The two reads on the hottest paths, on SQLite, through statements prepared once: the refresh-token lookup (every
/// refresh) and the user by id (every <c>/me</c>). Microsoft.Data.Sqlite prepares a command's statements again each time
/// a command is made, and EF Core makes one per query, so each of these reads compiled its SQL first: the refresh
/// lookup, a three-table join of 34 columns, took about 65 µs to prepare and 6 µs to run. Here a few open read-only
/// connections each keep the two commands prepared; a read rents a connection, binds, steps and resets.
/// </summary>
/// <remarks>
/// The statements are written from the context's model (tables, columns and value converters), so they select and
/// convert what EF Core's queries did; the tests of both stores run through them on SQLite. The connections are the
/// context's connection string with pooling off (so <c>query_only</c> never reaches a pooled connection EF Core writes
/// with) and <c>query_only</c> on. Only JwtAuthKit's own context gets them (<see cref="SqliteDedicatedConnection"/>). Each read is its own autocommit statement, as the EF Core query was: in WAL mode it
/// sees every transaction committed before it starts and blocks no writer. An in-memory database, or a context with
/// no connection string, keeps EF Core's queries (<see cref="Enabled"/> is false). Each read is logged at Debug with
/// its SQL (event 3101), as EF Core logs its commands, so round trips can still be counted.
/// </remarks>
internal sealed partial class SqlitePreparedReads<TContext>(JwtAuthKitContextSource<TContext> contexts, ILogger<SqlitePreparedReads<TContext>> logger) : IDisposable
    where TContext : DbContext
{
    /// <summary>The event each prepared read is logged with.</summary>
    public const int ReadExecutedEventId = 3101;

    private const int RefreshLookup = 0;
    private const int UserById = 1;

    private readonly Lazy<Statements?> _statements = new(() => Statements.For(contexts), LazyThreadSafetyMode.PublicationOnly);
    private readonly ConcurrentQueue<ReadConnection> _idle = new();
    private readonly int _maxIdle = Math.Max(4, Environment.ProcessorCount * 4);
    private bool _disposed;
    private int _prepared;

    /// <summary>How many times a statement was prepared (once per read connection and statement, not per read).</summary>
    public int PreparedCount => Volatile.Read(ref _prepared);

    /// <summary>Whether the reads go through prepared statements (SQLite on a file); otherwise the stores use EF Core.</summary>
    public bool Enabled => _statements.Value is not null;

    /// <summary>The refresh token with this hash, its session and the session's user (null when the user is gone).</summary>
    public Task<RefreshTokenMatch?> FindRefreshTokenAsync(string tokenHash, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var statements = _statements.Value!;
        return Task.FromResult(Query(RefreshLookup, statements.RefreshLookup, tokenHash, null, reader =>
        {
            var token = statements.Tokens.Read(reader, 0);
            var session = statements.Sessions.Read(reader, statements.Tokens.Count);
            var userAt = statements.Tokens.Count + statements.Sessions.Count;
            var user = reader.IsDBNull(userAt + statements.Users.KeyOrdinal) ? null : statements.Users.Read(reader, userAt);
            return new RefreshTokenMatch(token, session) { User = user };
        }));
    }

    /// <summary>The user with this id in this application, or null.</summary>
    public Task<User?> FindUserAsync(string applicationId, string userId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var statements = _statements.Value!;
        return Task.FromResult(Query(UserById, statements.UserById, userId, applicationId, reader => statements.Users.Read(reader, 0)));
    }

    private T? Query<T>(int slot, string sql, string first, string? second, Func<SqliteDataReader, T> read)
        where T : class
    {
        var connection = Rent();
        try
        {
            var command = connection.Command(slot, sql, ref _prepared);
            command.Parameters[0].Value = first;
            if (second is not null)
            {
                command.Parameters[1].Value = second;
            }

            T? result;
            using (var reader = command.ExecuteReader())
            {
                result = reader.Read() ? read(reader) : null;
            }

            LogRead(logger, sql);
            Return(connection);
            return result;
        }
        catch
        {
            connection.Dispose(); // Whatever went wrong, the next read starts on a fresh connection.
            throw;
        }
    }

    private ReadConnection Rent() => _idle.TryDequeue(out var idle) ? idle : new ReadConnection(_statements.Value!.ConnectionString);

    private void Return(ReadConnection connection)
    {
        if (Volatile.Read(ref _disposed) || _idle.Count >= _maxIdle)
        {
            connection.Dispose();
            return;
        }

        _idle.Enqueue(connection);
        if (Volatile.Read(ref _disposed))
        {
            Dispose(); // Disposed meanwhile: what was just queued is closed too.
        }
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        while (_idle.TryDequeue(out var connection))
        {
            connection.Dispose();
        }
    }

    /// <summary>The SQL of both reads and how to read their rows, from the context's model; null when not on a SQLite file.</summary>
    private sealed record Statements(
        string ConnectionString,
        string RefreshLookup,
        string UserById,
        SqliteEntityColumns<RefreshToken> Tokens,
        SqliteEntityColumns<Session> Sessions,
        SqliteEntityColumns<User> Users)
    {
        public static Statements? For(JwtAuthKitContextSource<TContext> contexts)
        {
            using var db = contexts.Create();
            if (SqliteDedicatedConnection.ConnectionString(db) is not { } connectionString)
            {
                return null;
            }

            var sql = db.GetService<ISqlGenerationHelper>();
            var tokens = SqliteEntityColumns<RefreshToken>.For(db.Model, sql);
            var sessions = SqliteEntityColumns<Session>.For(db.Model, sql);
            var users = SqliteEntityColumns<User>.For(db.Model, sql);
            string T(string column) => $"\"t\".{tokens.ColumnOf[column]}";
            string S(string column) => $"\"s\".{sessions.ColumnOf[column]}";
            string U(string column) => $"\"u\".{users.ColumnOf[column]}";

            var refreshLookup =
                $"SELECT {tokens.SelectList("t")}, {sessions.SelectList("s")}, {users.SelectList("u")} " +
                $"FROM {tokens.Table} AS \"t\" INNER JOIN {sessions.Table} AS \"s\" ON {T(nameof(RefreshToken.SessionId))} = {S(nameof(Session.Id))} " +
                $"LEFT JOIN {users.Table} AS \"u\" ON {S(nameof(Session.UserId))} = {U(nameof(User.Id))} AND {S(nameof(Session.ApplicationId))} = {U(nameof(User.ApplicationId))} " +
                $"WHERE {T(nameof(RefreshToken.TokenHash))} = $first LIMIT 1";
            var userById =
                $"SELECT {users.SelectList("u")} FROM {users.Table} AS \"u\" " +
                $"WHERE {U(nameof(User.Id))} = $first AND {U(nameof(User.ApplicationId))} = $second LIMIT 1";
            return new Statements(connectionString, refreshLookup, userById, tokens, sessions, users);
        }
    }

    /// <summary>One open read-only connection and the commands prepared on it.</summary>
    private sealed class ReadConnection : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand?[] _commands = new SqliteCommand?[2];

        public ReadConnection(string connectionString) =>
            _connection = SqliteDedicatedConnection.Open(connectionString, "PRAGMA query_only=1; PRAGMA busy_timeout=30000;");

        public SqliteCommand Command(int slot, string sql, ref int preparedCount)
        {
            if (_commands[slot] is { } prepared)
            {
                return prepared;
            }

            var command = _connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.Add("$first", SqliteType.Text);
            if (sql.Contains("$second", StringComparison.Ordinal))
            {
                command.Parameters.Add("$second", SqliteType.Text);
            }

            command.Prepare();
            Interlocked.Increment(ref preparedCount);
            return _commands[slot] = command;
        }

        public void Dispose()
        {
            foreach (var command in _commands)
            {
                command?.Dispose();
            }

            _connection.Dispose();
        }
    }

    [LoggerMessage(EventId = ReadExecutedEventId, Level = LogLevel.Debug, Message = "Executed prepared read\n{Sql}")]
    private static partial void LogRead(ILogger logger, string sql);
}
