using JwtAuthKit.Email;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace JwtAuthKit.Smtp;

/// <summary>Sends mail over SMTP with MailKit: multipart (text and HTML), Message-ID and Date headers, TLS, AUTH.</summary>
internal sealed class SmtpEmailSender(IOptions<SmtpOptions> options, TimeProvider time) : IEmailSender
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = BuildMessage(email, settings, time.GetUtcNow());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        if (settings.ServerCertificateValidation is { } validation)
        {
            client.ServerCertificateValidationCallback = validation;
        }

        await client.ConnectAsync(settings.Host, settings.Port, ToMailKit(settings.Security), timeout.Token);
        if (settings.Username is not null)
        {
            await client.AuthenticateAsync(settings.Username, settings.Password ?? "", timeout.Token);
        }

        await client.SendAsync(message, timeout.Token);
        await client.DisconnectAsync(quit: true, timeout.Token);
    }

    internal static MimeMessage BuildMessage(OutgoingEmail email, SmtpOptions settings, DateTimeOffset now)
    {
        var message = new MimeMessage
        {
            Subject = email.Subject,
            Date = now,
            MessageId = $"{email.Id}@{Domain(email.FromAddress ?? settings.From)}",
        };
        message.From.Add(new MailboxAddress(email.FromName ?? settings.FromName ?? "", email.FromAddress ?? settings.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody();
        return message;
    }

    private static string Domain(string address) => address[(address.LastIndexOf('@') + 1)..];

    private static SecureSocketOptions ToMailKit(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
