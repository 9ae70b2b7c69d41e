using JwtAuthKit.Applications;
using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.OneTimeTokens;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JwtAuthKit.HostApp.Dashboard.Pages;

/// <summary>
/// Where a dashboard account's verification link lands (self-service sign-up): the link only shows a button, and the
/// POST spends the token through <see cref="IEmailVerificationService.VerifyAsync"/>, so mail scanners that open links
/// do not use it up.
/// </summary>
internal sealed class VerifyEmailModel(IApplicationResolver applications, IEmailVerificationService verification) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>Whether the link is spent, expired or unknown.</summary>
    public bool LinkRefused { get; private set; }

    /// <summary>The address just confirmed.</summary>
    public string? Confirmed { get; private set; }

    public void OnGet() => LinkRefused = string.IsNullOrEmpty(Token);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!DashboardRateLimit.TryAcquire(this, RateLimitKind.Verification))
        {
            return Page();
        }

        if (await applications.FindByClientIdAsync(PlatformApplication.ClientId, cancellationToken) is not { } platform)
        {
            LinkRefused = true;
            return Page();
        }

        var verified = await verification.VerifyAsync(platform, Token, DashboardClient.From(HttpContext), cancellationToken);
        if (verified.Succeeded)
        {
            Confirmed = verified.Value.Email;
        }
        else
        {
            LinkRefused = true;
        }

        return Page();
    }
}
