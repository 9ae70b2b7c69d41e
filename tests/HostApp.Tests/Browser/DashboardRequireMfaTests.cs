using Microsoft.Playwright;

namespace HostApp.Tests.Browser;

/// <summary>The dashboard's host with <c>JwtAuthKit:Dashboard:RequireMfa</c> on.</summary>
public sealed class MfaRequiredDashboardHost : DashboardHost
{
    protected override string[] ExtraArguments => ["--JwtAuthKit:Dashboard:RequireMfa", "true"];
}

/// <summary>
/// With <c>JwtAuthKit:Dashboard:RequireMfa</c> on, an operator without an authenticator is sent to set one up: every
/// other page (and every form post) leads back there until it is on.
/// </summary>
[Collection(nameof(Chromium))]
public sealed class DashboardRequireMfaTests(Chromium chromium, MfaRequiredDashboardHost dashboard) : IClassFixture<MfaRequiredDashboardHost>
{
    [Fact]
    public async Task An_operator_without_an_authenticator_is_sent_to_set_one_up_before_any_page_works()
    {
        var page = await DashboardHost.NewPageAsync(chromium);
        await dashboard.SignInAsync(page, DashboardHost.OperatorEmail, DashboardHost.OperatorPassword);
        new Uri(page.Url).AbsolutePath.Should().Be("/admin/account", "the first page after sign-in is the authenticator's");
        (await page.Locator(".notice.warn[role=alert]").InnerTextAsync()).Should().Contain("requires operators to use two-step verification");
        await DashboardHost.CheckPageAsync(page, "account-mfa-required");

        foreach (var path in new[] { "/admin", "/admin/apps/anything", "/admin/apps/anything/users", "/admin/apps/anything/settings" })
        {
            await page.GotoAsync(dashboard.Url(path));
            new Uri(page.Url).AbsolutePath.Should().Be("/admin/account", "{0} waits for the authenticator", path);
        }

        var token = await page.Locator("input[name=__af]").First.GetAttributeAsync("value");
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("__af", token!);
        form.Set("Name", "Made before MFA");
        var created = await page.Context.APIRequest.PostAsync(dashboard.Url("/admin"), new APIRequestContextOptions { Form = form, MaxRedirects = 0 });
        created.Status.Should().Be(302, "a form post is sent to the authenticator too");
        created.Headers["location"].Should().EndWith("/admin/account");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Set up an authenticator" }).ClickAsync();
        var secret = (await page.Locator("#totp-secret").InnerTextAsync()).Trim();
        await page.FillAsync("#Code", Totp.Code(secret, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Turn on" }).ClickAsync();
        await page.Locator("#recovery-codes").WaitForAsync();
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Continue to the dashboard" }).ClickAsync();

        new Uri(page.Url).AbsolutePath.Should().Be("/admin", "with an authenticator every page opens");
        await page.FillAsync("#Name", "After MFA " + Guid.NewGuid().ToString("N")[..6]);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create application" }).ClickAsync();
        (await page.Locator("#created-sk").InnerTextAsync()).Should().StartWith("sk_");
        (await page.Locator(".card .title").AllInnerTextsAsync()).Should().NotContain("Made before MFA");
        await page.Context.CloseAsync();
    }
}
