namespace JwtAuthKit.Applications;

/// <summary>Checks application settings and reports every invalid field at once.</summary>
internal static class ApplicationSettingsValidator
{
    internal const int MaxAccessTokenLifetimeSeconds = 24 * 3600;

    // Short tokens are allowed (a browser app may want seconds, and the SDK's tests use 5 s); refresh keeps users signed in.
    internal const int MinAccessTokenLifetimeSeconds = 5;

    public static Dictionary<string, string[]> Validate(ApplicationSettings settings)
    {
        var errors = new Dictionary<string, string[]>();
        if (settings.AccessTokenLifetimeSeconds is < MinAccessTokenLifetimeSeconds or > MaxAccessTokenLifetimeSeconds)
        {
            errors["access_token_lifetime_seconds"] = [$"must be between {MinAccessTokenLifetimeSeconds} and {MaxAccessTokenLifetimeSeconds}"];
        }

        if (settings.RefreshTokenLifetimeSeconds < 300)
        {
            errors["refresh_token_lifetime_seconds"] = ["must be at least 300"];
        }

        if (settings.SessionLifetimeSeconds < settings.RefreshTokenLifetimeSeconds)
        {
            errors["session_lifetime_seconds"] = ["must be at least refresh_token_lifetime_seconds"];
        }

        // NIST SP 800-63B 5.1.1.2: at least 8 characters; the upper bound keeps it below the maximum length.
        if (settings.PasswordMinLength is < 8 or > 128)
        {
            errors["password_min_length"] = ["must be between 8 and 128"];
        }

        if (string.IsNullOrWhiteSpace(settings.DefaultRole))
        {
            errors["default_role"] = ["is required"];
        }

        // NIST SP 800-63B §5.2.2: at most 100 consecutive failures before a stronger measure; the delay is that measure.
        if (settings.AccountThrottleFreeFailures is < 1 or > 100)
        {
            errors["account_throttle_free_failures"] = ["must be between 1 and 100"];
        }

        if (settings.AccountThrottleMaxDelaySeconds is < 1 or > 86400)
        {
            errors["account_throttle_max_delay_seconds"] = ["must be between 1 and 86400"];
        }

        if (settings.EmailsPerAddressPerHour is < 1 or > 60)
        {
            errors["emails_per_address_per_hour"] = ["must be between 1 and 60"];
        }

        CheckUrls(errors, "allowed_origins", settings.AllowedOrigins, originOnly: true);
        CheckUrls(errors, "redirect_urls", settings.RedirectUrls, originOnly: false);
        if (settings.SiteUrl is { } site && !IsHttpUrl(site))
        {
            errors["site_url"] = ["must be an absolute http(s) URL"];
        }

        foreach (var (field, url) in new[] { ("email_verification_url", settings.EmailVerificationUrl), ("password_reset_url", settings.PasswordResetUrl), ("magic_link_url", settings.MagicLinkUrl) })
        {
            if (url is not null && !IsHttpUrl(url))
            {
                errors[field] = ["must be an absolute http(s) URL"];
            }
        }

        if (settings.EmailFromAddress is { } from && !Users.EmailAddress.IsValid(Users.EmailAddress.Normalize(from)))
        {
            errors["email_from_address"] = ["must be a valid email address"];
        }

        if (settings.EmailFromName is { Length: > 100 })
        {
            errors["email_from_name"] = ["must be at most 100 characters"];
        }

        if (settings.MfaRequiredRoles is null || settings.MfaRequiredRoles.Any(r => string.IsNullOrWhiteSpace(r) || r.Length > 64))
        {
            errors["mfa_required_roles"] = ["must be a list of role names"];
        }

        foreach (var (kind, template) in settings.EmailTemplates ?? new Dictionary<string, Email.EmailTemplate>())
        {
            if (template is null)
            {
                errors["email_templates"] = [$"'{kind}' must be an object with subject, text and html"];
            }
            else if (!Email.EmailKind.All.Contains(kind))
            {
                errors["email_templates"] = [$"unknown template '{kind}'; known: {string.Join(", ", Email.EmailKind.All)}"];
            }
            else if (string.IsNullOrWhiteSpace(template.Subject) || template.Subject.Length > 200 || string.IsNullOrWhiteSpace(template.Text)
                || string.IsNullOrWhiteSpace(template.Html) || template.Text.Length > 50_000 || template.Html.Length > 50_000)
            {
                errors["email_templates"] = [$"'{kind}' needs a subject (at most 200 characters), a text and an HTML body (at most 50,000 characters each)"];
            }
        }

        return errors;
    }

    private static void CheckUrls(Dictionary<string, string[]> errors, string field, IList<string>? values, bool originOnly)
    {
        if (values is null || values.Count > 100)
        {
            errors[field] = ["must be a list of at most 100 entries"];
            return;
        }

        var bad = values.Where(v => !IsHttpUrl(v) || (originOnly && new Uri(v).AbsolutePath != "/")).ToArray();
        if (bad.Length > 0)
        {
            errors[field] = [originOnly ? "each entry must be an origin such as https://app.example.com" : "each entry must be an absolute http(s) URL"];
        }
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
