namespace JwtAuthKit.Email;

/// <summary>Where a message in the outbox stands.</summary>
public enum EmailStatus
{
    /// <summary>Waiting for (another) delivery attempt.</summary>
    Pending = 0,

    /// <summary>Handed to the mail server (or kept in the dev mailbox).</summary>
    Sent = 1,

    /// <summary>Every attempt failed; an admin can retry it.</summary>
    Failed = 2,
}
