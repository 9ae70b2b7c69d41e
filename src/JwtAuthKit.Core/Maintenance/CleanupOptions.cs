namespace JwtAuthKit.Maintenance;

/// <summary>
/// The hourly clean-up of rows nothing needs any more: expired sessions (with their refresh tokens), refresh tokens,
/// one-time tokens, MFA challenges and invitations, delivered outbox messages, audit events past
/// <see cref="JwtAuthKitOptions.AuditRetention"/> and stale sign-in attempt counters. It deletes in batches of
/// <see cref="BatchSize"/> rows, one short statement each, so no table is locked for long; with several nodes one of them
/// runs it each hour (a lease in the database).
/// </summary>
public sealed class CleanupOptions
{
    /// <summary>Whether the hourly clean-up runs on this node. <value>The default value is <see langword="true"/>.</value></summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Rows deleted per statement. <value>The default value is 1,000.</value></summary>
    public int BatchSize { get; set; } = 1_000;

    /// <summary>
    /// How long delivered (sent) outbox messages are kept, for the outbox page and the per-address mail cap (one hour).
    /// <value>The default value is 7 days.</value>
    /// </summary>
    public TimeSpan SentEmailRetention { get; set; } = TimeSpan.FromDays(7);
}
