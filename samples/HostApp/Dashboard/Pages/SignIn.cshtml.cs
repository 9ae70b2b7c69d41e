using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.Platform;
using JwtAuthKit.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.HostApp.Dashboard.Pages;

/// <summary>Signs a dashboard account in with its password, then its authenticator when enrolled.</summary>
internal sealed class SignInModel(IOperatorAccountService accounts, IOptions<JwtAuthKitOptions> options) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? MfaToken { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? Message { get; set; }

    public bool SignupEnabled => options.Value.Dashboard.SignupEnabled;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!DashboardRateLimit.TryAcquire(this, RateLimitKind.SignIn))
        {
            return Page();
        }

        var outcome = await accounts.SignInAsync(Email, Password, DashboardClient.From(HttpContext), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddModelError("", Explain(outcome.Error));
            return Page();
        }

        if (outcome.Value.MfaRequired)
        {
            MfaToken = outcome.Value.MfaToken;
            ModelState.Clear();
            return Page();
        }

        return await FinishAsync(outcome.Value.Tokens);
    }

    public async Task<IActionResult> OnPostMfaAsync(CancellationToken cancellationToken)
    {
        if (!DashboardRateLimit.TryAcquire(this, RateLimitKind.Mfa))
        {
            return Page();
        }

        var result = await accounts.CompleteMfaAsync(MfaToken, string.IsNullOrWhiteSpace(Code) ? null : Code.Trim(),
            string.IsNullOrWhiteSpace(RecoveryCode) ? null : RecoveryCode.Trim(), DashboardClient.From(HttpContext), cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Error.Code == JwtAuthKitErrors.InvalidMfaToken)
            {
                MfaToken = null;
            }

            ModelState.AddModelError("", Explain(result.Error));
            return Page();
        }

        return await FinishAsync(result.Value);
    }

    private async Task<IActionResult> FinishAsync(AuthResult tokens)
    {
        if (!await DashboardSession.SignInAsync(HttpContext, tokens))
        {
            ModelState.AddModelError("", "This account cannot use the dashboard.");
            return Page();
        }

        return LocalRedirect(ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) && DashboardPaths.IsDashboard(new PathString(url.Split('?')[0])) ? url : DashboardPaths.Root);
    }

    private static string Explain(JwtAuthKitError error) => error.Code switch
    {
        JwtAuthKitErrors.InvalidCredentials => "The email or password is not right.",
        JwtAuthKitErrors.EmailNotVerified => "Verify your email address first: follow the link we sent you.",
        JwtAuthKitErrors.AccountDisabled => "This account is disabled.",
        JwtAuthKitErrors.RateLimited => "Too many attempts. Wait a moment and try again.",
        JwtAuthKitErrors.InvalidMfaCode => "That code is not right. Try the current code from your app.",
        JwtAuthKitErrors.InvalidMfaToken => "The sign-in took too long. Start again.",
        _ => "Sign-in failed. Check what you typed and try again.",
    };
}
