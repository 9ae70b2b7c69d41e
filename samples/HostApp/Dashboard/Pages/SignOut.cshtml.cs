using Microsoft.AspNetCore.Mvc;

namespace JwtAuthKit.HostApp.Dashboard.Pages;

/// <summary>Ends the dashboard's JwtAuthKit session and its cookie (a form post only, so no link can sign anyone out).</summary>
internal sealed class SignOutModel : DashboardPageModel
{
    protected override bool OpenBeforeMfa => true;

    public IActionResult OnGet() => Redirect(DashboardPaths.Root);

    public async Task<IActionResult> OnPostAsync()
    {
        await DashboardSession.SignOutAsync(HttpContext);
        return Redirect(DashboardPaths.SignIn);
    }
}
