using Microsoft.Playwright;

namespace HostApp.Tests.Browser;

/// <summary>The host's API reference at <c>/docs</c>, as a browser shows it: every endpoint listed, nothing loaded from elsewhere.</summary>
[Collection(nameof(Chromium))]
public sealed class ApiReferenceTests(Chromium chromium)
{
    [Fact]
    public async Task The_reference_page_shows_the_endpoints_and_loads_everything_from_the_host()
    {
        await using var host = await HostProcess.StartAsync();
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);

        var response = await page.GotoAsync(new Uri(host.Address, "/docs").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        response!.Status.Should().Be(200);

        // The reference is drawn from the OpenAPI document: an operation's summary appears on the page.
        await page.GetByText("Sign in with email and password").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        (await page.TitleAsync()).Should().Contain("JwtAuthKit");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ScreenshotFolder, "docs-desktop.png") });

        var origin = host.Address.GetLeftPart(UriPartial.Authority);
        requested.Should().NotBeEmpty();
        requested.Where(url => !url.StartsWith("data:", StringComparison.Ordinal) && !url.StartsWith("blob:", StringComparison.Ordinal))
            .Should().OnlyContain(url => url.StartsWith(origin, StringComparison.Ordinal), "no CDN, font service or telemetry is called");
        requested.Should().Contain(url => url.EndsWith("/openapi/jwtauthkit.json", StringComparison.Ordinal));
    }
}
