using JwtAuthKit.Mfa;
using JwtAuthKit.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JwtAuthKit.EntityFramework.Configurations;

internal sealed class RecoveryCodeConfiguration : IEntityTypeConfiguration<RecoveryCode>
{
    public void Configure(EntityTypeBuilder<RecoveryCode> builder)
    {
        builder.ToTable("jak_recovery_codes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(36);
        builder.Property(c => c.UserId).HasMaxLength(36).IsRequired();
        builder.Property(c => c.ApplicationId).HasMaxLength(36).IsRequired();
        builder.Property(c => c.CodeHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(c => new { c.UserId, c.CodeHash });
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
