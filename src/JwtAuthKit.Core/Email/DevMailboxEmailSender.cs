namespace JwtAuthKit.Email;

/// <summary>
/// The default sender when no mail server is configured: delivery only marks the message sent, and its (encrypted)
/// content stays in the database for the host's dev mailbox page.
/// </summary>
internal sealed class DevMailboxEmailSender : IEmailSender
{
    public Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken) => Task.CompletedTask;
}
