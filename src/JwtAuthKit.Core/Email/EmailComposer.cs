using JwtAuthKit.Applications;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.Email;

/// <summary>Turns a kind of email and its values into an outbox message, with the application's templates and sender.</summary>
internal sealed class EmailComposer(IEmailContentProtector protector, IOptions<JwtAuthKitOptions> options, TimeProvider time)
{
    public EmailMessage Compose(Application application, string kind, string to, IReadOnlyDictionary<string, string> values)
    {
        var settings = application.Settings;
        var template = settings.EmailTemplates.TryGetValue(kind, out var custom) ? custom : DefaultEmailTemplates.For(kind);
        var all = new Dictionary<string, string>(values) { ["app_name"] = application.Name, ["email"] = to };
        var now = time.GetUtcNow();
        var subject = EmailTemplateRenderer.Render(template.Subject, all, html: false).ReplaceLineEndings(" ");
        return new EmailMessage
        {
            Id = Guid.CreateVersion7(now).ToString(),
            ApplicationId = application.Id,
            Kind = kind,
            To = to,
            ProtectedSubject = protector.Protect(subject.Length > 250 ? subject[..250] : subject),
            ProtectedTextBody = protector.Protect(EmailTemplateRenderer.Render(template.Text, all, html: false)),
            ProtectedHtmlBody = protector.Protect(EmailTemplateRenderer.Render(template.Html, all, html: true)),
            FromAddress = settings.EmailFromAddress ?? options.Value.Email.FromAddress,
            FromName = settings.EmailFromName
                ?? (application.Name == ApplicationBootstrapper.DefaultApplicationName ? options.Value.Email.FromName : application.Name),
            Status = EmailStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
    }
}
