using JwtAuthKit.Sessions;
using JwtAuthKit.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JwtAuthKit.EntityFramework.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("jak_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(36);
        builder.Property(s => s.ApplicationId).HasMaxLength(36).IsRequired();
        builder.Property(s => s.UserId).HasMaxLength(36).IsRequired();
        builder.Property(s => s.AuthenticationMethods).HasMaxLength(64).IsRequired();
        builder.Property(s => s.RevokedReason).HasMaxLength(64);
        builder.Property(s => s.IpAddress).HasMaxLength(64);
        builder.Property(s => s.UserAgent).HasMaxLength(512);
        builder.HasIndex(s => new { s.ApplicationId, s.UserId });

        // The revocation poller reads recent revocations on every node every few seconds.
        builder.HasIndex(s => s.RevokedAt);

        // The hourly clean-up deletes sessions past their end, a batch at a time.
        builder.HasIndex(s => s.ExpiresAt);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
