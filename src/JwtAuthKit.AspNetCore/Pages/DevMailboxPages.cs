using System.Globalization;
using JwtAuthKit.Email;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace JwtAuthKit.AspNetCore.Pages;

/// <summary>
/// The dev mailbox: with no SMTP server configured, mail stays in the database and is read here. It shows live links,
/// so it answers only a connection from this machine that no proxy forwarded (no forwarding header): behind a reverse
/// proxy on the same machine every request would otherwise look local. Anything else gets 404 (ASVS 14.3.2: no
/// debug surface in production).
/// </summary>
internal static class DevMailboxPages
{
    public const string Path = "/dev/mailbox";

    /// <summary>Headers a proxy adds; <c>X-Original-For</c> is what the forwarded-headers middleware leaves after applying one.</summary>
    private static readonly string[] ForwardingHeaders = ["X-Forwarded-For", "Forwarded", "X-Real-IP", "X-Forwarded-Host", "X-Original-For"];

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Path).WithMetadata(Http.SecurityHeaders.Pages);
        group.AddEndpointFilter(async (context, next) =>
            IsLocalAndDirect(context.HttpContext) ? await next(context) : Results.NotFound());
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", ShowAsync);
        group.MapGet("/{id}/html", HtmlBodyAsync);
    }

    internal static bool IsLocalAndDirect(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } ip && System.Net.IPAddress.IsLoopback(ip)
        && !ForwardingHeaders.Any(h => http.Request.Headers.ContainsKey(h));

    private static async Task<IResult> ListAsync(IEmailOutboxStore outbox, IEmailContentProtector protector, CancellationToken cancellationToken)
    {
        var messages = await outbox.ListAsync(null, null, 0, 200, cancellationToken);
        var rows = string.Concat(messages.Select(m =>
            $"<tr><td>{m.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}</td><td>{HtmlPage.Encode(m.To)}</td>"
            + $"<td><a href=\"{Path}/{HtmlPage.Encode(m.Id)}\">{HtmlPage.Encode(protector.Unprotect(m.ProtectedSubject))}</a></td><td>{HtmlPage.Encode(m.Kind)}</td></tr>"));
        return HtmlPage.Render("Dev mailbox", "<h1>Dev mailbox</h1><p>No SMTP server is configured, so mail is kept here.</p>"
            + (messages.Count == 0 ? "<p>No messages yet.</p>" : $"<table><tr><th>Time (UTC)</th><th>To</th><th>Subject</th><th>Kind</th></tr>{rows}</table>"));
    }

    private static async Task<IResult> ShowAsync(string id, IEmailOutboxStore outbox, IEmailContentProtector protector, CancellationToken cancellationToken)
    {
        if (await outbox.FindAsync(id, cancellationToken) is not { } message)
        {
            return HtmlPage.Render("Not found", "<h1>No such message</h1>", 404);
        }

        var subject = protector.Unprotect(message.ProtectedSubject);
        var text = message.ProtectedTextBody is null ? "(content erased after delivery)" : protector.Unprotect(message.ProtectedTextBody);
        return HtmlPage.Render(subject, $"<p><a href=\"{Path}\">← All messages</a></p><h1>{HtmlPage.Encode(subject)}</h1>"
            + $"<p>To: {HtmlPage.Encode(message.To)}<br>From: {HtmlPage.Encode(message.FromName)} {HtmlPage.Encode(message.FromAddress)}</p>"
            + $"<iframe sandbox=\"allow-popups allow-top-navigation-by-user-activation\" src=\"{Path}/{HtmlPage.Encode(message.Id)}/html\" title=\"HTML body\"></iframe>"
            + $"<h2>Plain text</h2><pre>{HtmlPage.Encode(text)}</pre>");
    }

    private static async Task<IResult> HtmlBodyAsync(string id, IEmailOutboxStore outbox, IEmailContentProtector protector, HttpContext http, CancellationToken cancellationToken)
    {
        if (await outbox.FindAsync(id, cancellationToken) is not { ProtectedHtmlBody: { } body })
        {
            return Results.NotFound();
        }

        // The message's own HTML runs in a sandbox with no scripts; its links open in the top window.
        // It is framed by the message page (same origin), so it may be framed by this origin and nothing else.
        http.Response.Headers.ContentSecurityPolicy = "sandbox allow-popups allow-top-navigation-by-user-activation; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";
        http.Response.Headers.XFrameOptions = "SAMEORIGIN";
        return Results.Content(OpenLinksOnTop(protector.Unprotect(body)), "text/html; charset=utf-8");
    }

    // A link in a message opens in the whole window, as in a mail client, not inside the frame that shows the message.
    private static string OpenLinksOnTop(string html)
    {
        const string Base = "<base target=\"_top\">";
        var head = html.IndexOf("<head>", StringComparison.OrdinalIgnoreCase);
        return head >= 0 ? html.Insert(head + "<head>".Length, Base) : Base + html;
    }
}
