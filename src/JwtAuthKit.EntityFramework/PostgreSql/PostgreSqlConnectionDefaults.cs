using System.Data.Common;

namespace JwtAuthKit.EntityFramework.PostgreSql;

/// <summary>
/// What the PostgreSQL provider adds to a connection string that does not say otherwise: <c>Max Auto Prepare=20</c>,
/// so Npgsql prepares the statements a connection runs most and stops sending each one to be parsed and planned again.
/// A sign-in runs five statements (more when it resets the throttle or finds the user changed); on a two-core machine
/// this took its p50 from 50.5 to 45.0 ms, when it ran seven (docs/deploy.md).
/// </summary>
/// <remarks>
/// A connection string that names <c>Max Auto Prepare</c> keeps its value: <c>Max Auto Prepare=0</c> turns it off, which
/// a pooler in transaction mode that cannot keep prepared statements needs (PgBouncer before 1.21, or without
/// <c>max_prepared_statements</c>).
/// </remarks>
internal static class PostgreSqlConnectionDefaults
{
    /// <summary>The number of statements Npgsql keeps prepared per connection by default here.</summary>
    public const int MaxAutoPrepare = 20;

    /// <summary>The connection string with the defaults it does not set.</summary>
    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        foreach (string key in given.Keys)
        {
            if (string.Equals(key.Replace(" ", "", StringComparison.Ordinal), "MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
            {
                return connectionString;
            }
        }

        // Appended rather than rebuilt, so the rest of the string (its quoting, its order) stays exactly as given.
        return $"{connectionString.TrimEnd().TrimEnd(';')};Max Auto Prepare={MaxAutoPrepare}";
    }
}
