using JwtAuthKit.Applications;
using JwtAuthKit.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JwtAuthKit.EntityFramework.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("jak_users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).HasMaxLength(36);
        builder.Property(u => u.ApplicationId).HasMaxLength(36).IsRequired();
        builder.Property(u => u.Email).HasMaxLength(254).IsRequired();
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.Property(u => u.PasswordHash).HasMaxLength(512);
        builder.Property(u => u.ExternalId).HasMaxLength(255);
        builder.Property(u => u.Roles).HasConversion(JsonColumn.Converter<IList<string>>(), JsonColumn.Comparer<IList<string>>()).HasMaxLength(4000).IsRequired();
        builder.Property(u => u.ConcurrencyStamp).HasMaxLength(36).IsConcurrencyToken().IsRequired();

        // Emails are unique per application, stored normalized (trimmed, lower-case).
        builder.HasIndex(u => new { u.ApplicationId, u.Email }).IsUnique();
        builder.HasIndex(u => new { u.ApplicationId, u.CreatedAt, u.Id });
        builder.HasIndex(u => u.RolesChangedAt);
        builder.HasIndex(u => new { u.ApplicationId, u.ExternalId });

        // The name trimmed and lower-cased, kept by the stores (UserSearchName): searches read it as an index range.
        builder.Property<string>(Stores.UserSearchName.Property).HasMaxLength(200);
        builder.HasIndex(nameof(User.ApplicationId), Stores.UserSearchName.Property);
        builder.HasOne<Application>().WithMany().HasForeignKey(u => u.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
