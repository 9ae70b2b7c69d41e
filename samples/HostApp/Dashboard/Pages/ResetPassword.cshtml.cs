using JwtAuthKit.Applications;
using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.OneTimeTokens;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JwtAuthKit.HostApp.Dashboard.Pages;

/// <summary>
/// Where a dashboard account's reset link lands: a new password through <see cref="IPasswordResetService.ResetAsync"/>
/// (the link works once, every session ends), then the sign-in page.
/// </summary>
internal sealed class ResetPasswordModel(IApplicationResolver applications, IPasswordResetService resets) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    /// <summary>Whether the link is spent, expired or unknown (a new one is needed).</summary>
    public bool LinkRefused { get; private set; }

    /// <summary>Tells the sign-in page what happened (its <c>Message</c>).</summary>
    [TempData]
    public string? Message { get; set; }

    public void OnGet() => LinkRefused = string.IsNullOrEmpty(Token);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!DashboardRateLimit.TryAcquire(this, RateLimitKind.Verification))
        {
            return Page();
        }

        if (NewPassword != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "The two passwords are not the same.");
            return Page();
        }

        if (await applications.FindByClientIdAsync(PlatformApplication.ClientId, cancellationToken) is not { } platform)
        {
            LinkRefused = true;
            return Page();
        }

        var reset = await resets.ResetAsync(platform, Token, NewPassword, DashboardClient.From(HttpContext), cancellationToken);
        if (reset.Succeeded)
        {
            Message = "Your password was changed and every session signed out. Sign in with the new password.";
            return Redirect(DashboardPaths.SignIn);
        }

        if (reset.Error.Code == JwtAuthKitErrors.InvalidToken)
        {
            LinkRefused = true;
        }
        else if (reset.Error.FieldErrors?.Values.FirstOrDefault()?.FirstOrDefault() is { } message)
        {
            ModelState.AddModelError(nameof(NewPassword), "The password " + message + ".");
        }
        else
        {
            ModelState.AddModelError(nameof(NewPassword), reset.Error.Message);
        }

        return Page();
    }
}
