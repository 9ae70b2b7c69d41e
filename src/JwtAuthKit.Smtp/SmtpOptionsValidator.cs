using Microsoft.Extensions.Options;

namespace JwtAuthKit.Smtp;

/// <summary>Checks the SMTP options at start and names every problem.</summary>
internal sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            failures.Add("JwtAuthKit:Smtp:Host is required.");
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add("JwtAuthKit:Smtp:Port must be between 1 and 65535.");
        }

        if (!Enum.IsDefined(options.Security))
        {
            failures.Add("JwtAuthKit:Smtp:Security must be None, StartTls, SslOnConnect or Auto.");
        }

        if (!MimeKit.MailboxAddress.TryParse(options.From, out _) || !options.From.Contains('@', StringComparison.Ordinal))
        {
            failures.Add("JwtAuthKit:Smtp:From must be an email address.");
        }

        if (options.Username is not null && options.Password is null)
        {
            failures.Add("JwtAuthKit:Smtp:Password is required with a Username.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
        {
            failures.Add("JwtAuthKit:Smtp:Timeout must be above 0 and at most 5 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
