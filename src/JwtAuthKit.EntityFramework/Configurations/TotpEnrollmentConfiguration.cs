using JwtAuthKit.Mfa;
using JwtAuthKit.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JwtAuthKit.EntityFramework.Configurations;

internal sealed class TotpEnrollmentConfiguration : IEntityTypeConfiguration<TotpEnrollment>
{
    public void Configure(EntityTypeBuilder<TotpEnrollment> builder)
    {
        builder.ToTable("jak_totp_enrollments");
        builder.HasKey(e => e.UserId);
        builder.Property(e => e.UserId).HasMaxLength(36);
        builder.Property(e => e.ApplicationId).HasMaxLength(36).IsRequired();
        builder.Property(e => e.ProtectedSecret).HasMaxLength(1024).IsRequired();
        builder.HasOne<User>().WithOne().HasForeignKey<TotpEnrollment>(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
