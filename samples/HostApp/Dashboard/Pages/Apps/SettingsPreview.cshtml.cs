using JwtAuthKit.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace JwtAuthKit.HostApp.Dashboard.Pages.Apps;

/// <summary>
/// An email's HTML as the application sends it (its saved template, else the built-in one, filled with sample values by
/// <see cref="IEmailTemplatePreviewService"/>), for the settings page's sandboxed frame: its own policy lets nothing run
/// or load (inline styles only), and the frame's <c>sandbox</c> gives it no origin of its own.
/// </summary>
internal sealed class SettingsPreviewModel(IEmailTemplatePreviewService previews) : AppPageModel
{
    private const string Policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; form-action 'none'; base-uri 'none'; sandbox";

    [FromRoute(Name = "kind")]
    public string Kind { get; set; } = "";

    public IActionResult OnGet()
    {
        if (previews.Render(Access.Application, Kind) is not { } email)
        {
            return NotFound();
        }

        Response.Headers[HeaderNames.ContentSecurityPolicy] = Policy;
        Response.Headers[HeaderNames.XFrameOptions] = "SAMEORIGIN";
        return Content(email.Html, "text/html; charset=utf-8");
    }
}
