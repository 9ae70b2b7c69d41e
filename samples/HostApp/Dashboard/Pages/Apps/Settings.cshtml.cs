using System.Globalization;
using JwtAuthKit.Administration;
using JwtAuthKit.Applications;
using JwtAuthKit.Email;
using Microsoft.AspNetCore.Mvc;

namespace JwtAuthKit.HostApp.Dashboard.Pages.Apps;

/// <summary>
/// Every setting of <c>/api/admin/settings</c>, grouped, saved through the same settings service: a refused change
/// changes nothing, and each message stands next to its field.
/// </summary>
internal sealed class SettingsModel(ISettingsAdministrationService settings) : AppPageModel
{
    private static readonly char[] ListSeparators = ['\n', '\r', ',', ' '];

    private Dictionary<string, string?> _values = [];

    public ApplicationSettings Current { get; private set; } = new();

    public static IReadOnlyList<(string Title, string? Intro, (string Name, string Label, string Kind, string? Hint)[] Fields)> Groups { get; } =
    [
        ("Sign-in methods", "Which ways of signing in the application's users have.", [
            ("password_enabled", "Email and password", "checkbox", null),
            ("magic_link_enabled", "Magic links", "checkbox", "A one-time sign-in link by email."),
            ("email_otp_enabled", "Email codes", "checkbox", "A 6-digit code by email."),
            ("signup_enabled", "Sign-up", "checkbox", "Anyone may create an account."),
            ("require_email_verification", "Require a verified email before sign-in", "checkbox", null),
            ("enumeration_safe_signup", "Enumeration-safe sign-up", "checkbox", "Sign-up answers the same whether or not the address is taken."),
        ]),
        ("Tokens and sessions", null, [
            ("access_token_lifetime_seconds", "Access token lifetime (seconds)", "number", "Default 900 (15 minutes)."),
            ("refresh_token_lifetime_seconds", "Idle session lifetime (seconds)", "number", "Default 2,592,000 (30 days)."),
            ("session_lifetime_seconds", "Absolute session lifetime (seconds)", "number", "Default 7,776,000 (90 days)."),
        ]),
        ("Passwords and roles", null, [
            ("password_min_length", "Minimum password length", "number", null),
            ("default_role", "Role of new users", "text", null),
            ("mfa_required_roles", "Roles that need MFA", "textarea", "One per line; these roles reach tokens only after a TOTP code."),
        ]),
        ("URLs", "Where emailed links lead, and which sites may call the API from a browser.", [
            ("site_url", "Site URL", "url", "Your application's address."),
            ("redirect_urls", "Redirect URLs", "textarea", "One per line; magic links may return only to these."),
            ("allowed_origins", "Allowed origins (CORS)", "textarea", "One per line, like https://app.example.com."),
            ("email_verification_url", "Email verification page", "url", "Empty for the host's own page."),
            ("password_reset_url", "Password reset page", "url", "Empty for the host's own page."),
            ("magic_link_url", "Magic link page", "url", "Empty for the site URL."),
        ]),
        ("Email", null, [
            ("email_from_address", "From address", "email", "Empty for the host's sender."),
            ("email_from_name", "From name", "text", null),
            ("emails_per_address_per_hour", "Emails per address per hour", "number", null),
        ]),
        ("Abuse protection", null, [
            ("account_throttle_free_failures", "Wrong passwords before slowing down", "number", null),
            ("account_throttle_max_delay_seconds", "Longest delay (seconds)", "number", null),
        ]),
    ];

    public static IReadOnlyList<string> TemplateKinds => EmailKind.All;

    [FromQuery(Name = "saved")]
    public bool Saved { get; set; }

    public void OnGet() => Load(null);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        _values = Request.Form.Keys.ToDictionary(k => k, k => (string?)Request.Form[k].ToString(), StringComparer.Ordinal);
        var parseErrors = new Dictionary<string, string[]>();
        var saved = await settings.UpdateAsync(Access.Actor, current => Apply(current, parseErrors), cancellationToken);
        if (saved.Succeeded)
        {
            Notice = "The settings were saved.";
            return RedirectToPage(new { appId = AppId });
        }

        if (saved.Error.FieldErrors is { } fields)
        {
            foreach (var (field, messages) in fields)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field, message);
                }
            }
        }
        else
        {
            ModelState.AddModelError("", saved.Error.Message);
        }

        Load(_values);
        return Page();
    }

    public SettingsField Field((string Name, string Label, string Kind, string? Hint) field) =>
        new(field.Name, field.Label, Value(field.Name), field.Kind, field.Hint, Errors(field.Name));

    public IEnumerable<SettingsField> TemplateFields(string kind) =>
        [TemplateField(kind, "subject", "Subject"), TemplateField(kind, "text", "Plain-text body"), TemplateField(kind, "html", "HTML body")];

    private SettingsField TemplateField(string kind, string part, string label) =>
        new($"template.{kind}.{part}", label, _values.TryGetValue($"template.{kind}.{part}", out var posted) ? posted
            : Current.EmailTemplates.TryGetValue(kind, out var t) ? part switch { "subject" => t.Subject, "text" => t.Text, _ => t.Html } : "",
            part == "subject" ? "text" : "code", null, part == "subject" ? Errors("email_templates") : null);

    public bool HasCustomTemplate(string kind) => Current.EmailTemplates.ContainsKey(kind);

    private List<string>? Errors(string name) =>
        ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? [.. entry.Errors.Select(e => e.ErrorMessage)] : null;

    private string? Value(string name)
    {
        if (_values.TryGetValue(name, out var posted))
        {
            return name.EndsWith("_enabled", StringComparison.Ordinal) || IsCheckbox(name) ? (posted?.Contains("true", StringComparison.Ordinal) == true ? "true" : "false") : posted;
        }

        var s = Current;
        return name switch
        {
            "password_enabled" => Bool(s.PasswordEnabled),
            "magic_link_enabled" => Bool(s.MagicLinkEnabled),
            "email_otp_enabled" => Bool(s.EmailOtpEnabled),
            "signup_enabled" => Bool(s.SignupEnabled),
            "require_email_verification" => Bool(s.RequireEmailVerification),
            "enumeration_safe_signup" => Bool(s.EnumerationSafeSignup),
            "access_token_lifetime_seconds" => Int(s.AccessTokenLifetimeSeconds),
            "refresh_token_lifetime_seconds" => Int(s.RefreshTokenLifetimeSeconds),
            "session_lifetime_seconds" => Int(s.SessionLifetimeSeconds),
            "password_min_length" => Int(s.PasswordMinLength),
            "default_role" => s.DefaultRole,
            "mfa_required_roles" => string.Join('\n', s.MfaRequiredRoles),
            "site_url" => s.SiteUrl,
            "redirect_urls" => string.Join('\n', s.RedirectUrls),
            "allowed_origins" => string.Join('\n', s.AllowedOrigins),
            "email_verification_url" => s.EmailVerificationUrl,
            "password_reset_url" => s.PasswordResetUrl,
            "magic_link_url" => s.MagicLinkUrl,
            "email_from_address" => s.EmailFromAddress,
            "email_from_name" => s.EmailFromName,
            "emails_per_address_per_hour" => Int(s.EmailsPerAddressPerHour),
            "account_throttle_free_failures" => Int(s.AccountThrottleFreeFailures),
            "account_throttle_max_delay_seconds" => Int(s.AccountThrottleMaxDelaySeconds),
            _ => null,
        };
    }

    private static bool IsCheckbox(string name) => Groups.SelectMany(g => g.Fields).Any(f => f.Name == name && f.Kind == "checkbox");

    private void Load(Dictionary<string, string?>? posted)
    {
        Current = Access.Application.Settings.Clone();
        _values = posted ?? [];
    }

    private Result<ApplicationSettings> Apply(ApplicationSettings s, Dictionary<string, string[]> errors)
    {
        s.PasswordEnabled = Checked("password_enabled");
        s.MagicLinkEnabled = Checked("magic_link_enabled");
        s.EmailOtpEnabled = Checked("email_otp_enabled");
        s.SignupEnabled = Checked("signup_enabled");
        s.RequireEmailVerification = Checked("require_email_verification");
        s.EnumerationSafeSignup = Checked("enumeration_safe_signup");
        s.AccessTokenLifetimeSeconds = Number("access_token_lifetime_seconds", s.AccessTokenLifetimeSeconds, errors);
        s.RefreshTokenLifetimeSeconds = Number("refresh_token_lifetime_seconds", s.RefreshTokenLifetimeSeconds, errors);
        s.SessionLifetimeSeconds = Number("session_lifetime_seconds", s.SessionLifetimeSeconds, errors);
        s.PasswordMinLength = Number("password_min_length", s.PasswordMinLength, errors);
        s.DefaultRole = Text("default_role") ?? "";
        s.MfaRequiredRoles = List("mfa_required_roles");
        s.SiteUrl = Text("site_url");
        s.RedirectUrls = List("redirect_urls");
        s.AllowedOrigins = List("allowed_origins");
        s.EmailVerificationUrl = Text("email_verification_url");
        s.PasswordResetUrl = Text("password_reset_url");
        s.MagicLinkUrl = Text("magic_link_url");
        s.EmailFromAddress = Text("email_from_address");
        s.EmailFromName = Text("email_from_name");
        s.EmailsPerAddressPerHour = Number("emails_per_address_per_hour", s.EmailsPerAddressPerHour, errors);
        s.AccountThrottleFreeFailures = Number("account_throttle_free_failures", s.AccountThrottleFreeFailures, errors);
        s.AccountThrottleMaxDelaySeconds = Number("account_throttle_max_delay_seconds", s.AccountThrottleMaxDelaySeconds, errors);
        foreach (var kind in EmailKind.All)
        {
            var subject = Text($"template.{kind}.subject");
            var text = Raw($"template.{kind}.text");
            var html = Raw($"template.{kind}.html");
            if (subject is null && string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(html))
            {
                s.EmailTemplates.Remove(kind); // Blank: JwtAuthKit's built-in template.
            }
            else
            {
                s.EmailTemplates[kind] = new EmailTemplate { Subject = subject ?? "", Text = text ?? "", Html = html ?? "" };
            }
        }

        return errors.Count > 0 ? new JwtAuthKitError(JwtAuthKitErrors.ValidationFailed, "Some settings are invalid.", errors) : s;
    }

    private bool Checked(string name) => _values.TryGetValue(name, out var v) && v?.Contains("true", StringComparison.Ordinal) == true;

    private string? Raw(string name) => _values.TryGetValue(name, out var v) ? v : null;

    private string? Text(string name) => string.IsNullOrWhiteSpace(Raw(name)) ? null : Raw(name)!.Trim();

    private List<string> List(string name) => [.. (Raw(name) ?? "").Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private int Number(string name, int current, Dictionary<string, string[]> errors)
    {
        if (Text(name) is not { } text)
        {
            errors[name] = ["is required"];
            return current;
        }

        if (!int.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            errors[name] = ["must be a whole number"];
            return current;
        }

        return value;
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
