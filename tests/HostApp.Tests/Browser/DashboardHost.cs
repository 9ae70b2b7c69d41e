using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HostApp.Tests.Browser;

/// <summary>
/// One host for the dashboard's browser tests: its first operator from configuration, the dev mailbox on and
/// self-service sign-up on. Helpers sign in, read links from the mailbox, run axe-core and take screenshots. The
/// per-address rate limits are raised: every test signs in from 127.0.0.1 (DashboardRateLimitTests checks the limits).
/// </summary>
public partial class DashboardHost : IAsyncLifetime
{
    public const string OperatorEmail = "operator@example.com";
    public const string OperatorPassword = "operator-passphrase-42";
    public const string Password = "a long passphrase 2026";

    private HostProcess? _host;

    public HostProcess Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public Uri Address => Host.Address;

    public string Url(string path) => new Uri(Host.Address, path).ToString();

    /// <summary>More host arguments (a derived fixture's configuration).</summary>
    protected virtual string[] ExtraArguments => [];

    public async Task InitializeAsync() => _host = await HostProcess.StartAsync(null, [
        "--JwtAuthKit:DevMailbox:Enabled", "true",
        "--JwtAuthKit:Dashboard:SignupEnabled", "true",
        "--JwtAuthKit:Dashboard:Operator:Email", OperatorEmail,
        "--JwtAuthKit:Dashboard:Operator:Password", OperatorPassword,
        "--JwtAuthKit:RateLimits:PermitLimit", "1000",
        .. ExtraArguments]);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    public static string Unique(string tag) => $"{tag}.{Guid.NewGuid():N}"[..(tag.Length + 13)] + "@example.com";

    /// <summary>A browser context of its own (cookies apart); CSP is bypassed so axe-core can be injected.</summary>
    public static async Task<IPage> NewPageAsync(Chromium chromium, bool bypassCsp = true)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            BypassCSP = bypassCsp,
        });
        context.SetDefaultTimeout(60_000); // The machine running CI may be busy; nothing here waits on a timer.
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync(); // The confirmations (revoke, disable, delete).
        return page;
    }

    public async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync(Url("/admin/sign-in"));
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", password);
        // Wait for the answer to the form post itself, then for the document it leads to: not for a load state that the
        // page before may already have reached, and not for every subresource.
        var answer = page.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.Contains("/admin/sign-in", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        if ((await answer).Status is >= 300 and < 400)
        {
            await WaitForUrlAsync(page, url => !url.Contains("/admin/sign-in", StringComparison.Ordinal), async () =>
                $"{email}'s sign-in answered {(await answer).Status} to {(await answer).Headers.GetValueOrDefault("location")}, but the page stayed at {page.Url}: {Shorten(await page.Locator("body").InnerTextAsync())}");
            return;
        }

        var alert = page.Locator("[role=alert]");
        await alert.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        throw new InvalidOperationException($"{email} was not signed in: {await alert.First.InnerTextAsync()}");
    }

    /// <summary>
    /// Waits until the page's URL matches, then for the new document's <c>main</c> landmark. Polls the URL rather than
    /// using WaitForURLAsync, and waits through a locator rather than WaitForLoadStateAsync: both of those check a state
    /// once and then subscribe to an event, and under load in CI an event that arrived between the two was missed (three
    /// times with the page already at its target and rendered, once with "Load" and "NetworkIdle" seen but not
    /// DOMContentLoaded). A locator is polled by the driver inside the page, so it has no such gap.
    /// </summary>
    public static async Task WaitForUrlAsync(IPage page, Func<string, bool> matches, Func<Task<string>>? describeTimeout = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!matches(page.Url))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException(describeTimeout is null ? $"The page stayed at {page.Url}." : await describeTimeout());
            }

            await Task.Delay(50);
        }

        await page.Locator("main").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    /// <summary>The first link with a token in the newest message to <paramref name="to"/> whose subject matches.</summary>
    public async Task<string> MailLinkAsync(string to, string subjectContains)
    {
        using var client = Host.NewClient();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var inbox = await client.GetStringAsync("/dev/mailbox");
            foreach (Match row in MailboxRow().Matches(inbox))
            {
                if (WebUtility.HtmlDecode(row.Groups["to"].Value) == to && WebUtility.HtmlDecode(row.Groups["subject"].Value).Contains(subjectContains, StringComparison.OrdinalIgnoreCase))
                {
                    var message = await client.GetStringAsync(row.Groups["path"].Value);
                    var link = TokenLink().Match(message);
                    link.Success.Should().BeTrue("the message to {0} carries a link with a token", to);
                    return WebUtility.HtmlDecode(link.Value);
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No message to {to} about '{subjectContains}' reached the dev mailbox.");
    }

    /// <summary>Checks the page with axe-core (no serious or critical violation) and writes its screenshots at 1280 and 390 px.</summary>
    public static async Task CheckPageAsync(IPage page, string name)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = AxeSource.Value });
        var violations = await page.EvaluateAsync<string[]>("""
            async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
            """);
        violations.Should().BeEmpty("the {0} page has no serious accessibility violation", name);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ScreenshotFolder, $"dashboard-{name}-1280.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ScreenshotFolder, $"dashboard-{name}-390.png"), FullPage = true });
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        overflow.Should().BeFalse("the {0} page fits a phone's width without scrolling sideways", name);
        await page.SetViewportSizeAsync(1280, 900);
    }

    /// <summary>axe-core as npm installed it for the web SDK (tests/test.sh runs <c>npm ci</c> in sdk/web first).</summary>
    private static readonly Lazy<string> AxeSource = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, "sdk", "web", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new InvalidOperationException("axe-core is not installed: run `npm ci` in sdk/web (tests/test.sh does).");
    });

    [GeneratedRegex("<td>(?<to>[^<]*)</td><td><a href=\"(?<path>/dev/mailbox/[^\"]+)\">(?<subject>[^<]*)</a>")]
    private static partial Regex MailboxRow();

    [GeneratedRegex(@"http://[^\s<""]+\?token=[^\s<""&]+")]
    private static partial Regex TokenLink();

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500] + "…";
}
