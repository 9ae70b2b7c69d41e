using JwtAuthKit.Applications;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using JwtAuthKit.Email;

namespace JwtAuthKit.AspNetCore.Tests;

/// <summary>The settings page's preview: an application's email as it would be sent, built-in or its own, with sample values.</summary>
public sealed class EmailTemplatePreviewTests
{
    [Fact]
    public async Task A_built_in_template_is_rendered_with_the_applications_name_encoded_and_sample_values()
    {
        await using var host = await TestHost.StartAsync();
        var previews = host.GetRequiredService<IEmailTemplatePreviewService>();
        var application = new Application { Id = "preview-app", Name = "Shop <b>& Co</b>", ClientId = "preview-client" };

        var reset = previews.Render(application, EmailKind.PasswordReset)!;
        var code = previews.Render(application, EmailKind.EmailOtp)!;

        reset.Subject.Should().Be("Reset your Shop <b>& Co</b> password", "the subject is plain text");
        reset.Html.Should().Contain("Shop &lt;b&gt;&amp; Co&lt;/b&gt;").And.NotContain("<b>&", "values stay text in the HTML body");
        reset.Html.Should().Contain("?token=preview").And.Contain("1 hour").And.NotContain("{{");
        reset.Text.Should().Contain("someone@example.com");
        code.Html.Should().Contain("123456").And.Contain("10 minutes");
        previews.Render(application, EmailKind.Invitation).Should().BeNull("invitations are dashboard mail, not an application's template");
        previews.Render(application, "nonsense").Should().BeNull();
    }

    [Fact]
    public async Task An_applications_own_template_is_rendered_instead_of_the_built_in_one()
    {
        await using var host = await TestHost.StartAsync();
        var application = new Application { Id = "preview-app", Name = "Acme", ClientId = "preview-client" };
        application.Settings.EmailTemplates[EmailKind.MagicLink] = new EmailTemplate
        {
            Subject = "Hello from {{app_name}}",
            Text = "Go: {{link}}",
            Html = "<p>Welcome to {{ app_name }}: <a href=\"{{link}}\">in</a> ({{expires_in}})</p>",
        };

        var magic = host.GetRequiredService<IEmailTemplatePreviewService>().Render(application, EmailKind.MagicLink)!;

        magic.Subject.Should().Be("Hello from Acme");
        magic.Html.Should().StartWith("<p>Welcome to Acme: <a href=\"").And.Contain("?token=preview").And.EndWith("(15 minutes)</p>");
        application.Settings.EmailTemplates[EmailKind.MagicLink].Html.Should().Contain("{{link}}", "the saved template itself is untouched");
    }
}
