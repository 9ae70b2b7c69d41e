using JwtAuthKit.Administration;
using JwtAuthKit.Users;
using Microsoft.AspNetCore.Mvc;

namespace JwtAuthKit.HostApp.Dashboard.Pages.Apps;

/// <summary>An application's users, searched by email or name, a bounded page at a time.</summary>
internal sealed class UsersModel(IUserAdministrationService users) : AppPageModel
{
    private const int PageSize = 25;

    [FromQuery(Name = "q")]
    public string? Query { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<User> Result { get; private set; } = new([], 0, PageRequest.First);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var request = PageRequest.Create(Math.Clamp(PageNumber, 1, PageRequest.MaxNumber), PageSize).Value;
        Result = await users.SearchAsync(Access.Actor, string.IsNullOrWhiteSpace(Query) ? null : Query.Trim(), request, cancellationToken);
    }
}
