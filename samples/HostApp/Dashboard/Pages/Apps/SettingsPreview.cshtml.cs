using JwtAuthKit.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace JwtAuthKit.HostApp.Dashboard.Pages.Apps;

/// <summary>
/// A saved email template's HTML, for the settings page's sandboxed frame: its own policy lets nothing run or load
/// (inline styles only), and the frame's <c>sandbox</c> gives it no origin of its own.
/// </summary>
internal sealed class SettingsPreviewModel : AppPageModel
{
    private const string Policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; form-action 'none'; base-uri 'none'; sandbox";

    [FromRoute(Name = "kind")]
    public string Kind { get; set; } = "";

    public IActionResult OnGet()
    {
        if (!EmailKind.All.Contains(Kind) || !Access.Application.Settings.EmailTemplates.TryGetValue(Kind, out var template))
        {
            return NotFound();
        }

        Response.Headers[HeaderNames.ContentSecurityPolicy] = Policy;
        Response.Headers[HeaderNames.XFrameOptions] = "SAMEORIGIN";
        return Content(template.Html, "text/html; charset=utf-8");
    }
}
