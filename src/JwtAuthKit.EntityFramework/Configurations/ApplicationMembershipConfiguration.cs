using JwtAuthKit.Applications;
using JwtAuthKit.Platform;
using JwtAuthKit.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JwtAuthKit.EntityFramework.Configurations;

internal sealed class ApplicationMembershipConfiguration : IEntityTypeConfiguration<ApplicationMembership>
{
    public void Configure(EntityTypeBuilder<ApplicationMembership> builder)
    {
        builder.ToTable("jak_application_members");
        builder.HasKey(m => new { m.ApplicationId, m.AccountId });
        builder.Property(m => m.ApplicationId).HasMaxLength(36);
        builder.Property(m => m.AccountId).HasMaxLength(36);

        // An account's applications (the dashboard's list); the key serves an application's members.
        builder.HasIndex(m => m.AccountId);
        builder.HasOne<Application>().WithMany().HasForeignKey(m => m.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
