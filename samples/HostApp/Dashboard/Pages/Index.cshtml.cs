using JwtAuthKit.Applications;
using JwtAuthKit.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace JwtAuthKit.HostApp.Dashboard.Pages;

/// <summary>The applications the account reaches, and a form to create one.</summary>
internal sealed class IndexModel(DashboardAccess access, IDashboardAccountService accounts, IOptions<JwtAuthKitOptions> options) : DashboardPageModel
{
    public IReadOnlyList<(Application Application, ApplicationMemberRole Role)> Apps { get; private set; } = [];

    public bool CanCreate => Account.IsOperator || options.Value.Dashboard.SignupEnabled;

    [BindProperty]
    public string? Name { get; set; }

    public CreatedApplication? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Apps = await access.ListAsync(Account, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanCreate)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var created = await accounts.CreateApplicationAsync(Account.Actor, Name, cancellationToken);
        if (created.Succeeded)
        {
            Created = created.Value;
            Name = null;
            ModelState.Clear();
        }
        else
        {
            AddErrors(created.Error.Code == JwtAuthKitErrors.Conflict ? created.Error with { FieldErrors = new Dictionary<string, string[]> { ["name"] = ["is already taken"] } } : created.Error);
            MapField("name", nameof(Name));
        }

        Apps = await access.ListAsync(Account, cancellationToken);
        return Page();
    }

    private void MapField(string from, string to)
    {
        if (ModelState.TryGetValue(from, out var entry))
        {
            foreach (var error in entry.Errors)
            {
                ModelState.AddModelError(to, error.ErrorMessage);
            }

            ModelState.Remove(from);
        }
    }
}
