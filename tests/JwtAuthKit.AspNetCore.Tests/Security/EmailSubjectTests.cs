using System.Net.Http.Json;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;

namespace JwtAuthKit.AspNetCore.Tests.Security;

/// <summary>
/// Subject lines show on lock screens and in notification previews, and mail gateways log them: a sign-in code there
/// is readable without opening the mailbox (OWASP ASVS 2.7.x; NIST SP 800-63B §5.1.3.1 out-of-band secrets).
/// </summary>
public sealed class EmailSubjectTests
{
    [Fact]
    public async Task The_sign_in_code_is_in_the_body_and_not_in_the_subject()
    {
        await using var mail = await MailHost.StartAsync(configuration: EmailFlowTests.MailApplication());
        var email = Unique.Email();

        (await mail.Client.PostAsJsonAsync("/api/auth/otp", new { email })).EnsureSuccessStatusCode();
        var message = await mail.WaitForMailAsync(email, "sign-in code");

        var code = MailHost.CodeIn(message);
        code.Should().MatchRegex("^[0-9]{6}$");
        message.HtmlBody.Should().Contain(code);
        message.Subject.Should().NotContain(code).And.NotMatchRegex("[0-9]{6}");
    }
}
