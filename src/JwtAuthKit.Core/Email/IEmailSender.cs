namespace JwtAuthKit.Email;

/// <summary>
/// Hands a message to a mail system. Called by the outbox's delivery service, never on a request's path; throw
/// on failure and the message is retried with back-off. The default keeps messages in the dev mailbox;
/// <c>JwtAuthKit.Smtp</c> sends them over SMTP.
/// </summary>
public interface IEmailSender
{
    /// <summary>Sends one message.</summary>
    /// <param name="email">The message.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>A task that completes once the mail system accepted the message.</returns>
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}
