using JwtAuthKit.Applications;
using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.OneTimeTokens;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JwtAuthKit.HostApp.Dashboard.Pages;

/// <summary>
/// Sends a dashboard account a password reset link to <c>/admin/reset-password</c>; the answer is the same whether or
/// not the account exists (the service looks the address up after answering).
/// </summary>
internal sealed class ForgotPasswordModel(IApplicationResolver applications, IPasswordResetService resets) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!DashboardRateLimit.TryAcquire(this, RateLimitKind.EmailSending))
        {
            return Page();
        }

        if (await applications.FindByClientIdAsync(PlatformApplication.ClientId, cancellationToken) is { } platform
            && await resets.RequestAsync(platform, Email, cancellationToken) is { Succeeded: false })
        {
            ModelState.AddModelError(nameof(Email), "Enter the email address of your dashboard account.");
            return Page();
        }

        Sent = true;
        return Page();
    }
}
