using JwtAuthKit.Email;
using JwtAuthKit.Platform;
using Microsoft.AspNetCore.Mvc;

namespace JwtAuthKit.HostApp.Dashboard.Pages.Apps;

/// <summary>The application's outgoing mail with its delivery state; failed messages can be sent again.</summary>
internal sealed class EmailModel(IEmailOutboxAdministrationService outbox, DashboardMail mail) : AppPageModel
{
    private const int PageSize = 50;

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "before")]
    public string? Before { get; set; }

    public OutboxPage Messages { get; private set; } = new([], null);

    public string? Error { get; private set; }

    public bool DevMailbox => mail.DevMailbox;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        EmailStatus? status = Enum.TryParse<EmailStatus>(Status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var page = await outbox.ListAsync(Access.Actor, status, string.IsNullOrEmpty(Before) ? null : Before, PageSize, cancellationToken);
        if (page.Succeeded)
        {
            Messages = page.Value;
        }
        else
        {
            Error = page.Error.Message;
        }
    }

    public async Task<IActionResult> OnPostRetryAsync(string messageId, CancellationToken cancellationToken)
    {
        var retried = await outbox.RetryAsync(Access.Actor, messageId ?? "", cancellationToken);
        Report(retried, "The message will be sent again shortly.");
        return RedirectToPage(new { appId = AppId, status = Status });
    }
}
