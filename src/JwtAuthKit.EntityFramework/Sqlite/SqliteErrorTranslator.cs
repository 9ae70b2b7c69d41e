using System.Data.Common;
using JwtAuthKit.EntityFramework.Providers;
using Microsoft.Data.Sqlite;

namespace JwtAuthKit.EntityFramework.Sqlite;

/// <summary>SQLite's extended result codes for a unique index and a primary key.</summary>
internal sealed class SqliteErrorTranslator : IDatabaseErrorTranslator
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException sqlite && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey;
}
