namespace JwtAuthKit.Email;

/// <summary>How the outbox delivers mail and guards addresses against mail bombing.</summary>
public sealed class EmailOptions
{
    /// <summary>Attempts before a message is marked failed. <value>The default value is 8.</value></summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failure; doubles after each. <value>The default value is 10 seconds.</value></summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest wait between attempts. <value>The default value is 1 hour.</value></summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the outbox is read for due messages. <value>The default value is 2 seconds.</value></summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The sender address of mail whose application sets none; <see langword="null"/> leaves it to the mailer
    /// (<c>JwtAuthKit:Smtp:From</c>).
    /// </summary>
    public string? FromAddress { get; set; }

    /// <summary>
    /// The sender name of mail of the unnamed <c>default</c> application (other applications' mail carries their own
    /// name unless they set one). <value>The default value is <c>JwtAuthKit</c>.</value>
    /// </summary>
    public string FromName { get; set; } = "JwtAuthKit";

    /// <summary>
    /// Whether the outbox is delivered. With <see langword="false"/>, mail is queued (token and message in one
    /// transaction as always) but nothing is sent or marked sent, so it goes out once delivery is turned on — what a
    /// host with no mail server configured yet wants. <value>The default value is <see langword="true"/>.</value>
    /// </summary>
    public bool DeliveryEnabled { get; set; } = true;

    /// <summary>At most one message of a kind per address in this interval. <value>The default value is 1 minute.</value></summary>
    public TimeSpan PerAddressInterval { get; set; } = TimeSpan.FromMinutes(1);
}
