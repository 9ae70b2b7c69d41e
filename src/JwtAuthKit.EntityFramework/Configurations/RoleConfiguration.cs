using JwtAuthKit.Applications;
using JwtAuthKit.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JwtAuthKit.EntityFramework.Configurations;

internal sealed class RoleConfiguration : IEntityTypeConfiguration<Role>
{
    public void Configure(EntityTypeBuilder<Role> builder)
    {
        builder.ToTable("jak_roles");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(36);
        builder.Property(r => r.ApplicationId).HasMaxLength(36).IsRequired();
        builder.Property(r => r.Name).HasMaxLength(64).IsRequired();
        builder.Property(r => r.Description).HasMaxLength(500);
        builder.Property(r => r.Permissions).HasConversion(JsonColumn.Converter<IList<string>>(), JsonColumn.Comparer<IList<string>>()).HasMaxLength(8000).IsRequired();
        builder.HasIndex(r => new { r.ApplicationId, r.Name }).IsUnique();
        builder.HasOne<Application>().WithMany().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
