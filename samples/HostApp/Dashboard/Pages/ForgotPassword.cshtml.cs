using JwtAuthKit.Applications;
using JwtAuthKit.OneTimeTokens;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JwtAuthKit.HostApp.Dashboard.Pages;

/// <summary>Sends a dashboard account a password reset link; the answer is the same whether or not the account exists.</summary>
internal sealed class ForgotPasswordModel(IApplicationResolver applications, IPasswordResetService resets) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(PlatformApplication.ClientId, cancellationToken) is { } platform)
        {
            await resets.RequestAsync(platform, Email, cancellationToken);
        }

        Sent = true;
        return Page();
    }
}
