using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JwtAuthKit.HostApp.Dashboard;

/// <summary>A page for a signed-in dashboard account.</summary>
internal abstract class DashboardPageModel : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    /// <summary>A refusal to show on the next page (the error counterpart of <see cref="Notice"/>).</summary>
    [TempData]
    public string? Alert { get; set; }

    /// <summary>Shows <paramref name="done"/> or the error on the next page.</summary>
    protected void Report<T>(Result<T> result, string done)
    {
        if (result.Succeeded)
        {
            Notice = done;
        }
        else
        {
            Alert = result.Error.FieldErrors is { Count: > 0 } fields
                ? string.Join(" ", fields.Select(f => $"{f.Key} {string.Join(", ", f.Value)}."))
                : result.Error.Message;
        }
    }

    public DashboardAccount Account => DashboardAccount.Require(HttpContext);

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // Operators must have proved a second factor when the host asks for it; until then only the account page is open.
        if (Account.Actor.MfaEnrollmentRequired && !OpenBeforeMfa)
        {
            context.Result = RedirectToPage("/Account/Index");
            return;
        }

        if (await BeforeHandlerAsync(context) is { } result)
        {
            context.Result = result;
            return;
        }

        await next();
    }

    /// <summary>Whether the page is open to an operator who must still enrol an authenticator.</summary>
    protected virtual bool OpenBeforeMfa => false;

    protected virtual Task<IActionResult?> BeforeHandlerAsync(PageHandlerExecutingContext context) => Task.FromResult<IActionResult?>(null);

    /// <summary>Writes a service's field errors next to the form's fields (their names are the API's snake_case names).</summary>
    protected void AddErrors(JwtAuthKitError error, string prefix = "")
    {
        if (error.FieldErrors is { Count: > 0 } fields)
        {
            foreach (var (field, messages) in fields)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(prefix + field, message);
                }
            }
        }
        else
        {
            ModelState.AddModelError("", error.Message);
        }
    }
}
