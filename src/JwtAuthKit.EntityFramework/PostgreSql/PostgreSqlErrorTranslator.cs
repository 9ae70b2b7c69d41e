using System.Data.Common;
using JwtAuthKit.EntityFramework.Providers;
using Npgsql;

namespace JwtAuthKit.EntityFramework.PostgreSql;

/// <summary>PostgreSQL's SQLSTATE 23505 (unique_violation), raised by unique indexes and primary keys alike.</summary>
internal sealed class PostgreSqlErrorTranslator : IDatabaseErrorTranslator
{
    public bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException postgres && postgres.SqlState == PostgresErrorCodes.UniqueViolation;
}
