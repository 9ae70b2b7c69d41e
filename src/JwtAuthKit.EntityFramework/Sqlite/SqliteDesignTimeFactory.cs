using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace JwtAuthKit.EntityFramework.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteJwtAuthKitDbContext>
{
    public SqliteJwtAuthKitDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteJwtAuthKitDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
