namespace JwtAuthKit.Email;

/// <summary>
/// A message in the transactional outbox. Bodies carry one-time links and codes, so they are stored encrypted
/// (<see cref="IEmailContentProtector"/>) and erased once the mail server has accepted the message.
/// </summary>
public sealed class EmailMessage
{
    /// <summary>The message id (also the base of the Message-ID header).</summary>
    public required string Id { get; init; }

    /// <summary>The application the message is sent for.</summary>
    public required string ApplicationId { get; init; }

    /// <summary>The kind (<see cref="EmailKind"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>The recipient address.</summary>
    public required string To { get; init; }

    /// <summary>The subject line, encrypted: templates may put a code or link in it.</summary>
    public required string ProtectedSubject { get; init; }

    /// <summary>The plain-text body, encrypted; <see langword="null"/> once erased after delivery.</summary>
    public string? ProtectedTextBody { get; set; }

    /// <summary>The HTML body, encrypted; <see langword="null"/> once erased after delivery.</summary>
    public string? ProtectedHtmlBody { get; set; }

    /// <summary>The sender address for this application, or <see langword="null"/> for the mailer's default.</summary>
    public string? FromAddress { get; init; }

    /// <summary>The sender display name for this application, or <see langword="null"/> for the mailer's default.</summary>
    public string? FromName { get; init; }

    /// <summary>Where delivery stands.</summary>
    public EmailStatus Status { get; set; }

    /// <summary>How many delivery attempts were made.</summary>
    public int Attempts { get; set; }

    /// <summary>When the next attempt is due.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Until when a node holds the message for an attempt; others leave it alone meanwhile.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>The claim of the node attempting delivery, with <see cref="LockedUntil"/>.</summary>
    public string? LockId { get; set; }

    /// <summary>Why the last attempt failed (never message content).</summary>
    public string? LastError { get; set; }

    /// <summary>When the message was queued.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the message was delivered.</summary>
    public DateTimeOffset? SentAt { get; set; }
}
