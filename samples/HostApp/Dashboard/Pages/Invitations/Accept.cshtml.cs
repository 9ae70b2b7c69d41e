using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JwtAuthKit.HostApp.Dashboard.Pages.Invitations;

/// <summary>
/// Where an invitation's email link leads: someone new chooses a password (the invitation proved the address); someone
/// with an account signs in as that address and accepts.
/// </summary>
internal sealed class AcceptModel(IApplicationMemberService members, IDashboardAccountService accounts, IOperatorAccountService signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public InvitationPreview? Preview { get; private set; }

    public DashboardAccount? SignedIn { get; private set; }

    public string SignInLink => DashboardPaths.SignIn + "?returnUrl=" + Uri.EscapeDataString("/admin/invitations/accept?token=" + Token);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>A new account from the invitation, then a session for it.</summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Preview is null || !DashboardRateLimit.TryAcquire(this, RateLimitKind.Verification))
        {
            return Page();
        }

        var client = DashboardClient.From(HttpContext);
        var created = await accounts.CreateAccountFromInvitationAsync(Token, Password, client, cancellationToken);
        if (!created.Succeeded)
        {
            ModelState.AddModelError(nameof(Password), created.Error.FieldErrors?.Values.FirstOrDefault()?.FirstOrDefault() is { } message
                ? "The password " + message : created.Error.Message);
            return Page();
        }

        var outcome = await signIn.SignInAsync(Preview.Invitation.Email, Password, client, cancellationToken);
        if (outcome.Succeeded && !outcome.Value.MfaRequired && await DashboardSession.SignInAsync(HttpContext, outcome.Value.Tokens))
        {
            return Redirect("/admin/apps/" + Uri.EscapeDataString(created.Value.ApplicationId));
        }

        return Redirect(DashboardPaths.SignIn);
    }

    /// <summary>The signed-in account joins the application.</summary>
    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Preview is null || SignedIn is null)
        {
            return Page();
        }

        var accepted = await members.AcceptInvitationAsync(SignedIn.AccountId, Token, DashboardClient.From(HttpContext), cancellationToken);
        if (!accepted.Succeeded)
        {
            ModelState.AddModelError("", accepted.Error.Message);
            return Page();
        }

        return Redirect("/admin/apps/" + Uri.EscapeDataString(accepted.Value.ApplicationId));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var preview = await members.GetInvitationAsync(Token, cancellationToken);
        Preview = preview.Succeeded ? preview.Value : null;

        // The page is open to everyone; a dashboard session, when there is one, is checked like on every other page.
        if ((await HttpContext.AuthenticateAsync(DashboardSession.Scheme)).Succeeded)
        {
            SignedIn = DashboardAccount.Get(HttpContext);
        }
    }
}
