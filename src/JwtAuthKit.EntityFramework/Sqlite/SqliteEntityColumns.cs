using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace JwtAuthKit.EntityFramework.Sqlite;

/// <summary>
/// The columns of one entity type as the context's model maps them (table, column names, value converters), to select
/// them in a hand-written SQLite statement and read a row back into the entity the way EF Core would materialize it.
/// Shadow properties (no CLR member) are neither selected nor read.
/// </summary>
internal sealed class SqliteEntityColumns<TEntity>
    where TEntity : class
{
    private readonly Func<TEntity> _create;
    private readonly Action<SqliteDataReader, int, TEntity>[] _readers;
    private readonly string[] _columns;
    private readonly ISqlGenerationHelper _sql;

    private SqliteEntityColumns(ISqlGenerationHelper sql, string table, string[] columns, Action<SqliteDataReader, int, TEntity>[] readers, IReadOnlyDictionary<string, string> byProperty, int keyOrdinal)
    {
        _sql = sql;
        KeyOrdinal = keyOrdinal;
        Table = table;
        _columns = columns;
        _readers = readers;
        ColumnOf = byProperty;
        _create = Expression.Lambda<Func<TEntity>>(Expression.New(typeof(TEntity))).Compile();
    }

    /// <summary>The delimited table name, with its schema if it has one.</summary>
    public string Table { get; }

    /// <summary>How many columns <see cref="SelectList"/> names, in the order <see cref="Read"/> expects.</summary>
    public int Count => _columns.Length;

    /// <summary>Where the first column of the primary key is among <see cref="SelectList"/>'s: null there means no row (an outer join's miss).</summary>
    public int KeyOrdinal { get; }

    /// <summary>The delimited column name of each mapped CLR property, by property name.</summary>
    public IReadOnlyDictionary<string, string> ColumnOf { get; }

    /// <summary>The columns for a <c>SELECT</c> list, each qualified by <paramref name="alias"/>.</summary>
    public string SelectList(string alias) => string.Join(", ", _columns.Select(c => $"{_sql.DelimitIdentifier(alias)}.{c}"));

    /// <summary>The entity in the row's columns from <paramref name="offset"/> on.</summary>
    public TEntity Read(SqliteDataReader reader, int offset)
    {
        var entity = _create();
        for (var i = 0; i < _readers.Length; i++)
        {
            _readers[i](reader, offset + i, entity);
        }

        return entity;
    }

    /// <summary>The columns of <typeparamref name="TEntity"/> in <paramref name="model"/>.</summary>
    public static SqliteEntityColumns<TEntity> For(IModel model, ISqlGenerationHelper sql)
    {
        var type = model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"The model has no {typeof(TEntity).Name}.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var mapped = type.GetProperties().Where(p => !p.IsShadowProperty()).ToArray();
        return new SqliteEntityColumns<TEntity>(
            sql,
            sql.DelimitIdentifier(table.Name, table.Schema),
            [.. mapped.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!))],
            [.. mapped.Select(ReaderOf)],
            mapped.ToDictionary(p => p.Name, p => sql.DelimitIdentifier(p.GetColumnName(table)!), StringComparer.Ordinal),
            Array.IndexOf(mapped, type.FindPrimaryKey()!.Properties[0]));
    }

    // (reader, ordinal, entity) => entity.Member = reader.IsDBNull(ordinal) ? default : convert(reader.GetFieldValue<Provider>(ordinal))
    private static Action<SqliteDataReader, int, TEntity> ReaderOf(IProperty property)
    {
        // The property's own setter (init ones too) where it has one, else the member EF Core materializes into.
        MemberInfo member = property.PropertyInfo is { CanWrite: true } settable ? settable : property.GetMemberInfo(forMaterialization: true, forSet: true);
        var memberType = member is PropertyInfo p ? p.PropertyType : ((FieldInfo)member).FieldType;
        var converter = property.GetValueConverter() ?? property.GetTypeMapping().Converter;
        var providerType = converter?.ProviderClrType ?? property.ClrType;
        providerType = Nullable.GetUnderlyingType(providerType) ?? providerType;

        var reader = Expression.Parameter(typeof(SqliteDataReader), "reader");
        var ordinal = Expression.Parameter(typeof(int), "ordinal");
        var entity = Expression.Parameter(typeof(TEntity), "entity");
        Expression value = Expression.Call(reader, nameof(SqliteDataReader.GetFieldValue), [providerType], ordinal);
        if (converter is not null)
        {
            var fromProvider = converter.ConvertFromProviderExpression;
            value = Expression.Invoke(fromProvider, Expression.Convert(value, fromProvider.Parameters[0].Type));
        }

        value = Expression.Condition(
            Expression.Call(reader, nameof(SqliteDataReader.IsDBNull), null, ordinal),
            Expression.Default(memberType),
            Expression.Convert(value, memberType));
        if (member is PropertyInfo { CanWrite: true } or FieldInfo { IsInitOnly: false })
        {
            var assign = Expression.Assign(Expression.MakeMemberAccess(entity, member), value);
            return Expression.Lambda<Action<SqliteDataReader, int, TEntity>>(assign, reader, ordinal, entity).Compile();
        }

        // A read-only backing field (a get-only property): set by reflection, as EF Core's materializer can.
        var read = Expression.Lambda<Func<SqliteDataReader, int, object?>>(Expression.Convert(value, typeof(object)), reader, ordinal).Compile();
        var field = (FieldInfo)member;
        return (r, i, e) => field.SetValue(e, read(r, i));
    }
}
