using JwtAuthKit.Applications;
using JwtAuthKit.OneTimeTokens;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Email;

internal sealed class EmailTemplatePreviewService(IOptions<JwtAuthKitOptions> options) : IEmailTemplatePreviewService
{
    private const string SampleAddress = "someone@example.com";
    private const string SampleToken = "preview";
    private const string SampleCode = "123456";

    public EmailTemplate? Render(Application application, string kind)
    {
        if (!EmailKind.All.Contains(kind))
        {
            return null;
        }

        var template = application.Settings.EmailTemplates.TryGetValue(kind, out var custom) ? custom : DefaultEmailTemplates.For(kind);
        var values = SampleValues(application, kind);
        return new EmailTemplate
        {
            Subject = EmailTemplateRenderer.Render(template.Subject, values, html: false).ReplaceLineEndings(" "),
            Text = EmailTemplateRenderer.Render(template.Text, values, html: false),
            Html = EmailTemplateRenderer.Render(template.Html, values, html: true),
        };
    }

    /// <summary>The values a real message of the kind carries (as <see cref="EmailComposer"/> fills them), with a harmless link.</summary>
    private Dictionary<string, string> SampleValues(Application application, string kind)
    {
        var tokens = options.Value.OneTimeTokens;
        var lifetime = kind switch
        {
            EmailKind.VerifyEmail => tokens.EmailVerificationLifetime,
            EmailKind.PasswordReset => tokens.PasswordResetLifetime,
            EmailKind.MagicLink => tokens.MagicLinkLifetime,
            _ => tokens.EmailOtpLifetime,
        };
        var site = (application.Settings.SiteUrl ?? options.Value.Issuer).TrimEnd('/');
        return new Dictionary<string, string>
        {
            ["app_name"] = application.Name,
            ["email"] = SampleAddress,
            ["link"] = OneTimeTokenSender.AppendToken(site + "/", SampleToken),
            ["code"] = SampleCode,
            ["expires_in"] = OneTimeTokenSender.Duration(lifetime),
            ["expires_in_minutes"] = ((int)Math.Round(lifetime.TotalMinutes)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
