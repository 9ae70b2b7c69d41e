using JwtAuthKit.Mfa;
using JwtAuthKit.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JwtAuthKit.EntityFramework.Configurations;

internal sealed class MfaChallengeConfiguration : IEntityTypeConfiguration<MfaChallenge>
{
    public void Configure(EntityTypeBuilder<MfaChallenge> builder)
    {
        builder.ToTable("jak_mfa_challenges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(36);
        builder.Property(c => c.ApplicationId).HasMaxLength(36).IsRequired();
        builder.Property(c => c.UserId).HasMaxLength(36).IsRequired();
        builder.Property(c => c.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(c => c.AuthenticationMethods).HasMaxLength(64).IsRequired();
        builder.HasIndex(c => c.TokenHash).IsUnique();
        builder.HasIndex(c => c.ExpiresAt);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
