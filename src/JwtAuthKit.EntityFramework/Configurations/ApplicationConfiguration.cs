using JwtAuthKit.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JwtAuthKit.EntityFramework.Configurations;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.ToTable("jak_applications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(36);
        builder.Property(a => a.Name).HasMaxLength(100).IsRequired();
        builder.Property(a => a.ClientId).HasMaxLength(100).IsRequired();
        builder.Property(a => a.Settings).HasConversion(JsonColumn.Converter<ApplicationSettings>(), JsonColumn.Comparer<ApplicationSettings>()).IsRequired();
        builder.HasIndex(a => a.ClientId).IsUnique();
        builder.HasIndex(a => a.Name).IsUnique();
    }
}
