namespace JwtAuthKit.Applications;

/// <summary>Checks application settings and reports every invalid field at once.</summary>
internal static class ApplicationSettingsValidator
{
    internal const int MaxAccessTokenLifetimeSeconds = 24 * 3600;

    public static Dictionary<string, string[]> Validate(ApplicationSettings settings)
    {
        var errors = new Dictionary<string, string[]>();
        if (settings.AccessTokenLifetimeSeconds is < 60 or > MaxAccessTokenLifetimeSeconds)
        {
            errors["access_token_lifetime_seconds"] = ["must be between 60 and 86400"];
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

        CheckUrls(errors, "allowed_origins", settings.AllowedOrigins, originOnly: true);
        CheckUrls(errors, "redirect_urls", settings.RedirectUrls, originOnly: false);
        if (settings.SiteUrl is { } site && !IsHttpUrl(site))
        {
            errors["site_url"] = ["must be an absolute http(s) URL"];
        }

        return errors;
    }

    private static void CheckUrls(Dictionary<string, string[]> errors, string field, IList<string> values, bool originOnly)
    {
        var bad = values.Where(v => !IsHttpUrl(v) || (originOnly && new Uri(v).AbsolutePath != "/")).ToArray();
        if (bad.Length > 0)
        {
            errors[field] = [originOnly ? "each entry must be an origin such as https://app.example.com" : "each entry must be an absolute http(s) URL"];
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
