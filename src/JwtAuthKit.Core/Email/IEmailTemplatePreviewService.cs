using JwtAuthKit.Applications;

namespace JwtAuthKit.Email;

/// <summary>
/// Shows what an application's email of one kind looks like: its own template when it set one, else JwtAuthKit's
/// built-in one, filled in with sample values (a link that carries no real token, the code <c>123456</c>, the real
/// lifetimes) exactly as a sent message is, so values stay HTML-encoded in the HTML body. For a settings page's
/// preview; nothing is stored or sent.
/// </summary>
public interface IEmailTemplatePreviewService
{
    /// <summary>Renders the email an application would send for <paramref name="kind"/>.</summary>
    /// <param name="application">The application, whose name and templates are used.</param>
    /// <param name="kind">One of <see cref="EmailKind.All"/>.</param>
    /// <returns>The rendered subject, text and HTML, or <see langword="null"/> for a kind that is not among <see cref="EmailKind.All"/>.</returns>
    EmailTemplate? Render(Application application, string kind);
}
