using JwtAuthKit.Applications;
using JwtAuthKit.OneTimeTokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JwtAuthKit.EntityFramework.Configurations;

internal sealed class OneTimeTokenConfiguration : IEntityTypeConfiguration<OneTimeToken>
{
    public void Configure(EntityTypeBuilder<OneTimeToken> builder)
    {
        builder.ToTable("jak_one_time_tokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(36);
        builder.Property(t => t.ApplicationId).HasMaxLength(36).IsRequired();
        builder.Property(t => t.UserId).HasMaxLength(36);
        builder.Property(t => t.Email).HasMaxLength(254).IsRequired();
        builder.Property(t => t.Purpose).HasMaxLength(32).IsRequired();
        builder.Property(t => t.SecretHash).HasMaxLength(64).IsRequired();
        builder.Property(t => t.CodeHash).HasMaxLength(512);
        builder.Property(t => t.RedirectTo).HasMaxLength(2048);
        builder.HasIndex(t => t.SecretHash).IsUnique();
        builder.HasIndex(t => new { t.ApplicationId, t.Email, t.Purpose, t.ConsumedAt });
        builder.HasIndex(t => t.ExpiresAt);
        builder.HasOne<Application>().WithMany().HasForeignKey(t => t.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
