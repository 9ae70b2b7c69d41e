using System.Reflection;
using System.Text;
using JwtAuthKit.Sessions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace JwtAuthKit.EntityFramework.Stores;

/// <summary>
/// One refresh-token rotation on SQLite as a single command of three statements, the names and conversions taken from
/// the context's model so they stay what <c>SaveChanges</c> would write:
/// <code>
/// UPDATE refresh_tokens SET ConsumedAt = @at, SealedSuccessor = @sealed WHERE Id = @presented AND ConsumedAt IS NULL;
/// INSERT INTO refresh_tokens (…) SELECT @successor… WHERE changes() = 1;
/// UPDATE sessions SET LastUsedAt = @at WHERE Id = @session AND changes() = 1;
/// </code>
/// The conditional update decides the winner; <c>changes()</c> carries its answer to the two writes after it, so a
/// rotation that lost writes nothing. The command reports 3 changed rows when it won and 0 when it lost. It replaces a
/// read of which presented tokens were unconsumed and a <c>SaveChanges</c> of tracked stubs: no change tracking and one
/// round trip per rotation.
/// </summary>
internal sealed class SqliteRotationStatement
{
    private readonly PropertyInfo[] _successorProperties;
    private readonly Func<object?, object?>[] _successorConversions;
    private readonly Func<object?, object?> _consumedAtConversion;
    private readonly Func<object?, object?> _lastUsedAtConversion;

    private SqliteRotationStatement(string sql, PropertyInfo[] successorProperties, Func<object?, object?>[] successorConversions,
        Func<object?, object?> consumedAtConversion, Func<object?, object?> lastUsedAtConversion)
    {
        Sql = sql;
        _successorProperties = successorProperties;
        _successorConversions = successorConversions;
        _consumedAtConversion = consumedAtConversion;
        _lastUsedAtConversion = lastUsedAtConversion;
    }

    /// <summary>The command text, with EF Core's <c>{n}</c> placeholders for <see cref="Arguments"/>.</summary>
    public string Sql { get; }

    /// <summary>How many values <see cref="Arguments"/> gives (and <see cref="Sql"/> has placeholders for).</summary>
    public int ArgumentCount => 5 + _successorProperties.Length;

    /// <summary>The statement for <paramref name="db"/>'s model: refresh tokens and sessions as that model maps them.</summary>
    public static SqliteRotationStatement For(DbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var tokens = db.Model.FindEntityType(typeof(RefreshToken)) ?? throw new InvalidOperationException("The model has no refresh tokens.");
        var sessions = db.Model.FindEntityType(typeof(Session)) ?? throw new InvalidOperationException("The model has no sessions.");
        var tokenTable = StoreObjectIdentifier.Table(tokens.GetTableName()!, tokens.GetSchema());
        var sessionTable = StoreObjectIdentifier.Table(sessions.GetTableName()!, sessions.GetSchema());
        string Table(StoreObjectIdentifier table) => sql.DelimitIdentifier(table.Name, table.Schema);
        string Column(IEntityType type, string property, StoreObjectIdentifier table) => sql.DelimitIdentifier(type.FindProperty(property)!.GetColumnName(table)!);

        var columns = tokens.GetProperties().ToArray();
        if (columns.Any(p => p.PropertyInfo is null))
        {
            throw new InvalidOperationException("A refresh-token column without a CLR property cannot be written by the SQLite rotation statement.");
        }

        // Arguments: 0 = time of use (as ConsumedAt), 1 = sealed successor, 2 = presented token id, 3 = session id,
        // 4 = time of use (as the session's LastUsedAt), 5… = the successor.
        var text = new StringBuilder()
            .Append("UPDATE ").Append(Table(tokenTable))
            .Append(" SET ").Append(Column(tokens, nameof(RefreshToken.ConsumedAt), tokenTable)).Append(" = {0}, ")
            .Append(Column(tokens, nameof(RefreshToken.SealedSuccessor), tokenTable)).Append(" = {1} WHERE ")
            .Append(Column(tokens, nameof(RefreshToken.Id), tokenTable)).Append(" = {2} AND ")
            .Append(Column(tokens, nameof(RefreshToken.ConsumedAt), tokenTable)).Append(" IS NULL;\n")
            .Append("INSERT INTO ").Append(Table(tokenTable)).Append(" (")
            .AppendJoin(", ", columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(tokenTable)!)))
            .Append(") SELECT ")
            .AppendJoin(", ", columns.Select((_, i) => $"{{{i + 5}}}"))
            .Append(" WHERE changes() = 1;\n")
            .Append("UPDATE ").Append(Table(sessionTable))
            .Append(" SET ").Append(Column(sessions, nameof(Session.LastUsedAt), sessionTable)).Append(" = {4} WHERE ")
            .Append(Column(sessions, nameof(Session.Id), sessionTable)).Append(" = {3} AND changes() = 1;")
            .ToString();

        return new SqliteRotationStatement(
            text,
            [.. columns.Select(p => p.PropertyInfo!)],
            [.. columns.Select(Conversion)],
            Conversion(tokens.FindProperty(nameof(RefreshToken.ConsumedAt))!),
            Conversion(sessions.FindProperty(nameof(Session.LastUsedAt))!));
    }

    /// <summary>
    /// The values for <see cref="Sql"/>, converted as the model converts them (times to UTC date-times); a null goes as
    /// a parameter of its own (EF Core infers a value's mapping from its type, and a null has none).
    /// </summary>
    public object[] Arguments(string presentedTokenId, DateTimeOffset usedAt, byte[] sealedSuccessor, RefreshToken successor)
    {
        var arguments = new object[ArgumentCount];
        arguments[0] = _consumedAtConversion(usedAt)!;
        arguments[1] = sealedSuccessor;
        arguments[2] = presentedTokenId;
        arguments[3] = successor.SessionId;
        arguments[4] = _lastUsedAtConversion(usedAt)!;
        for (var i = 0; i < _successorProperties.Length; i++)
        {
            arguments[5 + i] = _successorConversions[i](_successorProperties[i].GetValue(successor)) ?? new SqliteParameter { Value = DBNull.Value };
        }

        return arguments;
    }

    private static Func<object?, object?> Conversion(IProperty property) =>
        (property.GetValueConverter() ?? property.GetTypeMapping().Converter) is { } converter
            ? value => value is null ? null : converter.ConvertToProvider(value)
            : value => value;
}
