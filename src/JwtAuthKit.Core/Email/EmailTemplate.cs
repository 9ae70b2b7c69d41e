namespace JwtAuthKit.Email;

/// <summary>
/// The text of one kind of email. Placeholders: <c>{{app_name}}</c>, <c>{{email}}</c>, <c>{{link}}</c>,
/// <c>{{code}}</c>, <c>{{expires_in}}</c> ("24 hours"), <c>{{expires_in_minutes}}</c>; values are HTML-encoded in the HTML body.
/// </summary>
public sealed class EmailTemplate
{
    /// <summary>The subject line.</summary>
    public string Subject { get; set; } = "";

    /// <summary>The plain-text body.</summary>
    public string Text { get; set; } = "";

    /// <summary>The HTML body.</summary>
    public string Html { get; set; } = "";
}
