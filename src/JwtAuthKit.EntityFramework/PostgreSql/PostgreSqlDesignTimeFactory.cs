using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace JwtAuthKit.EntityFramework.PostgreSql;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a host; adding a migration needs no server
/// (only <c>dotnet ef database update</c> would connect).
/// </summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlJwtAuthKitDbContext>
{
    public PostgreSqlJwtAuthKitDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlJwtAuthKitDbContext>();
        PostgreSqlJwtAuthKitDbContext.Configure(options, "Host=localhost;Database=jwtauthkit_design_time");
        return new PostgreSqlJwtAuthKitDbContext(options.Options);
    }
}
