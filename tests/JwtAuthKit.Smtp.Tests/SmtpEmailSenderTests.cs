using System.Security.Authentication;
using JwtAuthKit.Email;
using JwtAuthKit.Smtp;
using JwtAuthKit.Testing;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace JwtAuthKit.Smtp.Tests;

public sealed class SmtpEmailSenderTests
{
    private static readonly OutgoingEmail Email = new(
        "01a2b3c4-0000-7000-8000-000000000001", "ada@example.com", "Confirm your email",
        "Plain text with a link: https://app.example.com/verify?token=abc", "<p>HTML with <a href=\"https://app.example.com/verify?token=abc\">a link</a></p>",
        null, null);

    [Fact]
    public async Task A_message_arrives_as_multipart_with_Message_ID_and_Date()
    {
        await using var server = await InProcessSmtpServer.StartAsync();
        var sender = Sender(new SmtpOptions { Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None, From = "auth@example.com", FromName = "Example Auth" });

        await sender.SendAsync(Email, CancellationToken.None);

        var message = await server.WaitForMessageAsync();
        message.Subject.Should().Be("Confirm your email");
        message.To.Mailboxes.Single().Address.Should().Be("ada@example.com");
        message.From.Mailboxes.Single().Should().BeEquivalentTo(new { Name = "Example Auth", Address = "auth@example.com" }, o => o.ExcludingMissingMembers());
        message.MessageId.Should().Be("01a2b3c4-0000-7000-8000-000000000001@example.com");
        message.Date.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        message.Body.Should().BeOfType<MultipartAlternative>();
        message.TextBody.Should().Contain("token=abc");
        message.HtmlBody.Should().Contain("<a href=");
    }

    [Fact]
    public async Task The_application_sender_overrides_the_default()
    {
        await using var server = await InProcessSmtpServer.StartAsync();
        var sender = Sender(new SmtpOptions { Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.None, From = "auth@example.com" });

        await sender.SendAsync(Email with { FromAddress = "hello@shop.example", FromName = "Shop" }, CancellationToken.None);

        var from = (await server.WaitForMessageAsync()).From.Mailboxes.Single();
        from.Address.Should().Be("hello@shop.example");
        from.Name.Should().Be("Shop");
    }

    [Fact]
    public async Task STARTTLS_with_a_self_signed_certificate_works_when_that_certificate_is_trusted()
    {
        using var certificate = InProcessSmtpServer.CreateSelfSignedCertificate();
        await using var server = await InProcessSmtpServer.StartAsync(certificate: certificate);
        var trusting = Sender(new SmtpOptions
        {
            Host = "localhost", Port = server.Port, Security = SmtpSecurity.StartTls, From = "auth@example.com",
            ServerCertificateValidation = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString(),
        });
        var notTrusting = Sender(new SmtpOptions { Host = "localhost", Port = server.Port, Security = SmtpSecurity.StartTls, From = "auth@example.com" });

        await trusting.SendAsync(Email, CancellationToken.None);
        var refused = () => notTrusting.SendAsync(Email, CancellationToken.None);

        (await server.WaitForMessageAsync()).Subject.Should().Be("Confirm your email");
        await refused.Should().ThrowAsync<SslHandshakeException>("the system does not trust a self-signed certificate");
    }

    [Fact]
    public async Task StartTls_is_required_when_asked_for()
    {
        await using var server = await InProcessSmtpServer.StartAsync();
        var sender = Sender(new SmtpOptions { Host = "127.0.0.1", Port = server.Port, Security = SmtpSecurity.StartTls, From = "auth@example.com" });

        var send = () => sender.SendAsync(Email, CancellationToken.None);

        await send.Should().ThrowAsync<NotSupportedException>("the server offers no STARTTLS, and mail must not go out in clear");
        server.Messages.Should().BeEmpty();
    }

    [Fact]
    public async Task AUTH_succeeds_with_the_right_credentials_and_fails_with_wrong_ones()
    {
        using var certificate = InProcessSmtpServer.CreateSelfSignedCertificate();
        await using var server = await InProcessSmtpServer.StartAsync(certificate: certificate, credentials: ("mailer", "s3cret-pass"));
        SmtpOptions Options(string password) => new()
        {
            Host = "localhost", Port = server.Port, Security = SmtpSecurity.StartTls, From = "auth@example.com", Username = "mailer", Password = password,
            ServerCertificateValidation = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString(),
        };

        await Sender(Options("s3cret-pass")).SendAsync(Email, CancellationToken.None);
        var wrong = () => Sender(Options("wrong")).SendAsync(Email, CancellationToken.None);

        (await server.WaitForMessageAsync()).To.Mailboxes.Single().Address.Should().Be("ada@example.com");
        await wrong.Should().ThrowAsync<MailKit.Security.AuthenticationException>();
        server.Messages.Should().HaveCount(1);
    }

    [Fact]
    public async Task A_server_that_is_down_fails_the_attempt_and_cancellation_is_honoured()
    {
        var sender = Sender(new SmtpOptions { Host = "127.0.0.1", Port = InProcessSmtpServer.FreePort(), Security = SmtpSecurity.None, From = "auth@example.com" });
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var down = () => sender.SendAsync(Email, CancellationToken.None);
        var cancel = () => sender.SendAsync(Email, cancelled.Token);

        await down.Should().ThrowAsync<System.Net.Sockets.SocketException>();
        await cancel.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void Options_are_validated_with_every_problem_named()
    {
        var result = new SmtpOptionsValidator().Validate(null, new SmtpOptions { Host = "", Port = 0, From = "not-an-address", Username = "u" });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("Host").And.Contain("Port").And.Contain("From").And.Contain("Password");
    }

    private static SmtpEmailSender Sender(SmtpOptions options) => new(Options.Create(options), TimeProvider.System);
}
