using JwtAuthKit.Applications;
using JwtAuthKit.Throttling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JwtAuthKit.EntityFramework.Configurations;

internal sealed class AttemptCounterConfiguration : IEntityTypeConfiguration<AttemptCounter>
{
    public void Configure(EntityTypeBuilder<AttemptCounter> builder)
    {
        builder.ToTable("jak_attempt_counters");
        builder.HasKey(c => new { c.ApplicationId, c.KeyHash });
        builder.Property(c => c.ApplicationId).HasMaxLength(36);
        builder.Property(c => c.KeyHash).HasMaxLength(64);
        builder.HasIndex(c => c.LastFailureAt);
        builder.HasOne<Application>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
