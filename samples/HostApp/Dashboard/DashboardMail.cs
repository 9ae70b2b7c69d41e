namespace JwtAuthKit.HostApp.Dashboard;

/// <summary>Whether the host keeps mail in its dev mailbox (so the email page links to it).</summary>
internal sealed record DashboardMail(bool DevMailbox);
