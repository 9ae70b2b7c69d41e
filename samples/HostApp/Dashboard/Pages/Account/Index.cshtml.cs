using JwtAuthKit.Administration;
using JwtAuthKit.Mfa;
using JwtAuthKit.Roles;
using Microsoft.AspNetCore.Mvc;

namespace JwtAuthKit.HostApp.Dashboard.Pages.Account;

/// <summary>
/// The dashboard account's own security: an authenticator (TOTP, RFC 6238) and its recovery codes, and deleting the
/// account (refused while it is the last owner of an application, as Supabase refuses an account that owns organizations).
/// </summary>
internal sealed class IndexModel(IMfaEnrollmentService mfa, IUserAdministrationService users) : DashboardPageModel
{
    protected override bool OpenBeforeMfa => true;

    public TotpSetup? Setup { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? ConfirmEmail { get; set; }

    /// <summary>The sign-in page's notice after the account was deleted.</summary>
    [TempData]
    public string? Message { get; set; }

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

    public async Task<IActionResult> OnPostDeleteAccountAsync(CancellationToken cancellationToken)
    {
        if (Account.Actor.MfaEnrollmentRequired)
        {
            ModelState.AddModelError(nameof(ConfirmEmail), "Set up two-step verification first.");
            return Page();
        }

        if (!string.Equals(ConfirmEmail?.Trim(), Account.Email, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(ConfirmEmail), "Type your account's email address to confirm.");
            return Page();
        }

        // The account acts on itself in the platform application: every check of the service applies, the last-owner rule first.
        var self = AdminActor.ForAccount(Account.Platform, Account.AccountId, new HashSet<string>(StringComparer.Ordinal) { BuiltInRoles.AllPermissions }, DashboardClient.From(HttpContext));
        var deleted = await users.DeleteAsync(self, Account.AccountId, cancellationToken);
        if (!deleted.Succeeded)
        {
            Response.StatusCode = deleted.Error.Code == JwtAuthKitErrors.LastOwner ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            ModelState.AddModelError(nameof(ConfirmEmail), deleted.Error.Message);
            return Page();
        }

        await DashboardSession.SignOutAsync(HttpContext);
        Message = "Your dashboard account was deleted.";
        return Redirect(DashboardPaths.SignIn);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
