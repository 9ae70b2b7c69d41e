namespace JwtAuthKit.EntityFramework.PostgreSql;

/// <summary>
/// The connection string given to <c>UsePostgreSql</c>, kept as given: a context's connection drops the password from
/// its own copy once opened, and the migrator's lock and the change feed's listener open connections of their own.
/// </summary>
internal sealed record PostgreSqlConnectionString(string Value);
