using JwtAuthKit.Mfa;
using Microsoft.AspNetCore.Mvc;

namespace JwtAuthKit.HostApp.Dashboard.Pages.Account;

/// <summary>The dashboard account's own security: an authenticator (TOTP, RFC 6238) and its recovery codes.</summary>
internal sealed class IndexModel(IMfaEnrollmentService mfa) : DashboardPageModel
{
    protected override bool OpenBeforeMfa => true;

    public TotpSetup? Setup { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? CurrentPassword { get; set; }

    public bool MfaEnabled => Account.Actor.MfaEnabled || RecoveryCodes is not null;

    public async Task<IActionResult> OnPostBeginAsync(CancellationToken cancellationToken)
    {
        var setup = await mfa.BeginTotpSetupAsync(Account.SignedIn, cancellationToken);
        if (setup.Succeeded)
        {
            Setup = setup.Value;
        }
        else
        {
            ModelState.AddModelError("", setup.Error.Message);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        var confirmed = await mfa.ConfirmTotpAsync(Account.SignedIn, Code?.Trim(), DashboardClient.From(HttpContext), cancellationToken);
        if (confirmed.Succeeded)
        {
            RecoveryCodes = confirmed.Value;
            return Page();
        }

        ModelState.AddModelError(nameof(Code), confirmed.Error.Code == JwtAuthKitErrors.InvalidMfaCode ? "That code is not right. Enter the current one from your app." : confirmed.Error.Message);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken cancellationToken)
    {
        var codes = await mfa.RegenerateRecoveryCodesAsync(Account.SignedIn, Blank(Code), Blank(CurrentPassword), DashboardClient.From(HttpContext), cancellationToken);
        if (codes.Succeeded)
        {
            RecoveryCodes = codes.Value;
        }
        else
        {
            ModelState.AddModelError(nameof(Code), codes.Error.Message);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        var disabled = await mfa.DisableAsync(Account.SignedIn, Blank(Code), Blank(CurrentPassword), DashboardClient.From(HttpContext), cancellationToken);
        if (disabled.Succeeded)
        {
            Notice = "Two-step verification is off.";
            return RedirectToPage();
        }

        ModelState.AddModelError(nameof(Code), disabled.Error.Message);
        return Page();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
