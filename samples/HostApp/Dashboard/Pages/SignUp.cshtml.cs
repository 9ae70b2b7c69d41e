using JwtAuthKit.AspNetCore.Http;
using JwtAuthKit.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.HostApp.Dashboard.Pages;

/// <summary>Self-service sign-up (<c>JwtAuthKit:Dashboard:SignupEnabled</c>): an account whose email is verified before first use.</summary>
internal sealed class SignUpModel(IDashboardAccountService accounts, IOptions<JwtAuthKitOptions> options) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public bool Sent { get; private set; }

    public IActionResult OnGet() => options.Value.Dashboard.SignupEnabled ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Dashboard.SignupEnabled)
        {
            return NotFound();
        }

        if (!DashboardRateLimit.TryAcquire(this, RateLimitKind.SignUp))
        {
            return Page();
        }

        var signedUp = await accounts.SignUpAsync(Email, Password, DashboardClient.From(HttpContext), cancellationToken);
        if (signedUp.Succeeded)
        {
            Sent = true;
            return Page();
        }

        if (signedUp.Error.FieldErrors is { Count: > 0 } fields)
        {
            foreach (var (field, messages) in fields)
            {
                ModelState.AddModelError(field == "email" ? nameof(Email) : field == "password" ? nameof(Password) : "", $"The {field} {string.Join(", ", messages)}.");
            }
        }
        else
        {
            ModelState.AddModelError(signedUp.Error.Code switch
            {
                JwtAuthKitErrors.InvalidEmail => nameof(Email),
                JwtAuthKitErrors.WeakPassword => nameof(Password),
                _ => "",
            }, signedUp.Error.Message);
        }

        return Page();
    }
}
