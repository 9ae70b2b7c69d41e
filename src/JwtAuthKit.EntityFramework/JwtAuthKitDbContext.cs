using Microsoft.EntityFrameworkCore;

namespace JwtAuthKit.EntityFramework;

/// <summary>
/// The DbContext holding JwtAuthKit's tables. Use it as is (<c>UseSqlite</c>), derive from it, or plug the model
/// into a context of your own with <see cref="JwtAuthKitModelBuilderExtensions.UseJwtAuthKit"/>.
/// </summary>
public class JwtAuthKitDbContext : DbContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="options">The options.</param>
    public JwtAuthKitDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.UseJwtAuthKit();
    }
}
