namespace JwtAuthKit.Email;

/// <summary>What waits in the email outbox: how many pending messages, and how long the oldest has waited.</summary>
/// <param name="Pending">The number of pending messages (due or waiting for a retry).</param>
/// <param name="OldestAge">How long ago the oldest pending message was queued; zero when none is.</param>
public sealed record EmailOutboxBacklog(int Pending, TimeSpan OldestAge)
{
    /// <summary>An empty outbox.</summary>
    public static EmailOutboxBacklog Empty { get; } = new(0, TimeSpan.Zero);
}
