using JwtAuthKit.EntityFramework;

namespace JwtAuthKit.HostApp;

/// <summary>
/// The database the host runs on: <c>JwtAuthKit:Database:Provider</c> (<c>Sqlite</c>, the default, or <c>PostgreSql</c>)
/// and its connection string, <c>JwtAuthKit:Database:ConnectionString</c> or <c>ConnectionStrings:JwtAuthKit</c>.
/// </summary>
internal sealed record HostDatabase(string Provider, string ConnectionString)
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";

    /// <summary>Reads the choice, or a refusal that names what to fix.</summary>
    public static (HostDatabase? Database, string? Refusal) Read(IConfiguration configuration)
    {
        var provider = configuration["JwtAuthKit:Database:Provider"] is { Length: > 0 } named ? named : Sqlite;
        var connectionString = configuration["JwtAuthKit:Database:ConnectionString"] is { Length: > 0 } own
            ? own
            : configuration.GetConnectionString("JwtAuthKit");
        if (string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            return (new HostDatabase(Sqlite, connectionString ?? HostConfiguration.DefaultConnectionString), null);
        }

        if (string.Equals(provider, PostgreSql, StringComparison.OrdinalIgnoreCase) || string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrWhiteSpace(connectionString)
                ? (null, "JwtAuthKit:Database:Provider is PostgreSql but no connection string is set: set JwtAuthKit:Database:ConnectionString "
                    + "(or ConnectionStrings:JwtAuthKit), for example Host=db;Database=jwtauthkit;Username=jwtauthkit;Password=….")
                : (new HostDatabase(PostgreSql, connectionString), null);
        }

        return (null, $"JwtAuthKit:Database:Provider '{provider}' is not known; use Sqlite or PostgreSql.");
    }

    /// <summary>Puts JwtAuthKit's storage on this database.</summary>
    public JwtAuthKitBuilder Apply(JwtAuthKitBuilder builder, bool migrateOnStartup) => Provider == PostgreSql
        ? builder.UsePostgreSql(ConnectionString, migrateOnStartup)
        : builder.UseSqlite(ConnectionString, migrateOnStartup);
}
