using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace JwtAuthKit.EntityFramework.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteJwtAuthKitDbContext>
{
    public SqliteJwtAuthKitDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteJwtAuthKitDbContext>();
        SqliteJwtAuthKitDbContext.Configure(options, "Data Source=design-time.db");
        return new SqliteJwtAuthKitDbContext(options.Options);
    }
}
