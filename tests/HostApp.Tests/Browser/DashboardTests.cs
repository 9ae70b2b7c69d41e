using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace HostApp.Tests.Browser;

/// <summary>
/// The admin dashboard at <c>/admin</c> in real Chromium against the real host: what an operator, an invited member,
/// a viewer and a self-service client can and cannot do, with every page checked by axe-core and photographed at
/// desktop and phone width.
/// </summary>
[Collection(nameof(Chromium))]
public sealed class DashboardTests(Chromium chromium, DashboardHost dashboard) : IClassFixture<DashboardHost>
{
    [Fact]
    public async Task An_operator_creates_an_application_and_key_turns_magic_links_on_invites_an_admin_and_disables_a_user()
    {
        var page = await DashboardHost.NewPageAsync(chromium);
        await page.GotoAsync(dashboard.Url("/admin"));
        page.Url.Should().Contain("/admin/sign-in", "the dashboard needs a session");
        await DashboardHost.CheckPageAsync(page, "sign-in");
        await dashboard.SignInAsync(page, DashboardHost.OperatorEmail, DashboardHost.OperatorPassword);

        // The application, with its keys shown once.
        var name = "Shop " + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("#Name", name);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create application" }).ClickAsync();
        var publishableKey = (await page.Locator("#created-pk").InnerTextAsync()).Trim();
        publishableKey.Should().StartWith("pk_");
        (await page.Locator("#created-sk").InnerTextAsync()).Should().StartWith("sk_");
        await DashboardHost.CheckPageAsync(page, "applications");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Open " + name }).ClickAsync();
        var appPath = new Uri(page.Url).AbsolutePath;
        await DashboardHost.CheckPageAsync(page, "overview");

        await page.GotoAsync(dashboard.Url(appPath + "/keys"));
        await page.SelectOptionAsync("#Kind", "secret");
        await page.FillAsync("#KeyName", "Billing server");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create key" }).ClickAsync();
        var secretKey = (await page.Locator("#new-key").InnerTextAsync()).Trim();
        secretKey.Should().StartWith("sk_");
        await DashboardHost.CheckPageAsync(page, "keys");
        await page.ReloadAsync();
        (await page.ContentAsync()).Should().NotContain(secretKey, "a key's value is shown once only");
        using (var admin = dashboard.Host.NewClient())
        {
            admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secretKey);
            (await admin.GetAsync("/api/admin/users")).StatusCode.Should().Be(HttpStatusCode.OK, "the new secret key administers the application");
        }

        // Magic links on: the API takes them from then on.
        using var api = dashboard.Host.NewClient(publishableKey);
        (await api.PostAsJsonAsync("/api/auth/magic-link", new { email = "someone@example.com" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await page.GotoAsync(dashboard.Url(appPath + "/settings"));
        await DashboardHost.CheckPageAsync(page, "settings");
        await page.CheckAsync("#f-magic_link_enabled");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save settings" }).ClickAsync();
        await page.GetByText("The settings were saved.").WaitForAsync();
        (await api.PostAsJsonAsync("/api/auth/magic-link", new { email = "someone@example.com" })).StatusCode.Should().Be(HttpStatusCode.Accepted);

        // A refused value changes nothing and says so next to its field.
        await page.GotoAsync(dashboard.Url(appPath + "/settings"));
        await page.FillAsync("#f-access_token_lifetime_seconds", "3");
        await page.UncheckAsync("#f-magic_link_enabled");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save settings" }).ClickAsync();
        (await page.Locator("#f-access_token_lifetime_seconds-error").InnerTextAsync()).Should().Contain("must be between");
        (await api.PostAsJsonAsync("/api/auth/magic-link", new { email = "someone@example.com" })).StatusCode.Should().Be(HttpStatusCode.Accepted);

        // An admin member, invited by email and accepted from the link in the dev mailbox.
        var memberEmail = DashboardHost.Unique("admin");
        await page.GotoAsync(dashboard.Url(appPath + "/members"));
        await page.FillAsync("#InviteEmail", memberEmail);
        await page.SelectOptionAsync("#InviteRole", "Admin");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send invitation" }).ClickAsync();
        await page.GetByText("An invitation was sent to " + memberEmail).WaitForAsync();
        await DashboardHost.CheckPageAsync(page, "members");
        var invitation = await dashboard.MailLinkAsync(memberEmail, "");
        invitation.Should().Contain("/admin/invitations/accept?token=");

        var member = await DashboardHost.NewPageAsync(chromium);
        await member.GotoAsync(invitation);
        (await member.ContentAsync()).Should().Contain(name);
        await DashboardHost.CheckPageAsync(member, "invitation");
        await member.FillAsync("#Password", DashboardHost.Password);
        await member.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create account and join" }).ClickAsync();
        await DashboardHost.WaitForUrlAsync(member, url => url.EndsWith(appPath, StringComparison.Ordinal));
        (await member.Locator(".page-head .badge").InnerTextAsync()).Should().Be("admin");
        (await member.Locator(".card, .sidebar a.nav").AllInnerTextsAsync()).Should().Contain("Users");

        // A user of the application, found, disabled — and refused by the API.
        var userEmail = DashboardHost.Unique("customer");
        (await api.PostAsJsonAsync("/api/auth/register", new { email = userEmail, password = DashboardHost.Password, name = "Carla Customer" })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await api.PostAsJsonAsync("/api/auth/login", new { email = userEmail, password = DashboardHost.Password })).StatusCode.Should().Be(HttpStatusCode.OK);
        await page.GotoAsync(dashboard.Url(appPath + "/users"));
        await page.FillAsync("#q", "Carla");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Search" }).ClickAsync();
        await DashboardHost.CheckPageAsync(page, "users");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = userEmail }).ClickAsync();
        (await page.ContentAsync()).Should().Contain("MFA off").And.Contain("Sessions");
        await DashboardHost.CheckPageAsync(page, "user");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Disable user" }).ClickAsync();
        await page.GetByText("The user was disabled").WaitForAsync();
        var refused = await api.PostAsJsonAsync("/api/auth/login", new { email = userEmail, password = DashboardHost.Password });
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().Should().Be("account_disabled");

        // The same audit events as the API, with the operator as the actor; the chart drawn on the server.
        await page.GotoAsync(dashboard.Url(appPath + "/activity?type=admin.user_updated"));
        (await page.Locator("#audit-log tbody tr").AllInnerTextsAsync()).Should().ContainSingle().Which.Should().Contain("operator:");
        var bars = await page.Locator(".chart svg rect title").AllTextContentsAsync();
        bars.Should().Contain(t => t.EndsWith(" sign-ups", StringComparison.Ordinal), "today's sign-up is drawn")
            .And.Contain(t => t.EndsWith(" sign-ins", StringComparison.Ordinal), "and today's sign-ins");
        await DashboardHost.CheckPageAsync(page, "activity");

        // Every event at 1280 px: the table fits its panel, and no event type or detail breaks inside a word.
        await page.GotoAsync(dashboard.Url(appPath + "/activity"));
        (await page.Locator("#audit-log tbody tr").CountAsync()).Should().BeGreaterThan(3);
        await DashboardHost.CheckPageAsync(page, "activity-all");
        (await page.EvaluateAsync<bool>("() => { const t = document.getElementById('audit-log'); return t.scrollWidth <= t.parentElement.clientWidth + 1; }"))
            .Should().BeTrue("the audit log needs no sideways scrolling at desktop width");
        (await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#audit-log code.event, #audit-log .pair code, #audit-log .nowrap')].filter(e => e.getClientRects().length > 1).map(e => e.textContent)"))
            .Should().BeEmpty("event types, detail names and times do not break inside a word");

        await page.GotoAsync(dashboard.Url(appPath + "/roles"));
        await page.FillAsync("#NewName", "support");
        await page.FillAsync("#NewPermissions", "users:read audit:read");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create role" }).ClickAsync();
        await page.GetByText("The role support was created.").WaitForAsync();
        await DashboardHost.CheckPageAsync(page, "roles");

        await page.GotoAsync(dashboard.Url(appPath + "/email"));
        (await page.ContentAsync()).Should().Contain(userEmail, "the outbox lists the user's mail").And.Contain("/dev/mailbox");
        await DashboardHost.CheckPageAsync(page, "email");

        await page.GotoAsync(dashboard.Url("/admin/account"));
        await DashboardHost.CheckPageAsync(page, "account");
        await member.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_viewer_sees_no_change_buttons_and_a_forged_post_gets_403()
    {
        var (owner, appPath) = await OperatorWithApplicationAsync();
        var viewerEmail = DashboardHost.Unique("viewer");
        await owner.GotoAsync(dashboard.Url(appPath + "/members"));
        await owner.FillAsync("#InviteEmail", viewerEmail);
        await owner.SelectOptionAsync("#InviteRole", "Viewer");
        await owner.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send invitation" }).ClickAsync();
        await owner.GetByText("An invitation was sent").WaitForAsync();

        var viewer = await DashboardHost.NewPageAsync(chromium);
        await viewer.GotoAsync(await dashboard.MailLinkAsync(viewerEmail, ""));
        await viewer.FillAsync("#Password", DashboardHost.Password);
        await viewer.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create account and join" }).ClickAsync();
        await DashboardHost.WaitForUrlAsync(viewer, url => url.EndsWith(appPath, StringComparison.Ordinal));

        foreach (var section in new[] { "", "/keys", "/settings", "/members", "/roles", "/users", "/email" })
        {
            await viewer.GotoAsync(dashboard.Url(appPath + section));
            var buttons = await viewer.Locator("main button:visible, main input[type=submit]").AllInnerTextsAsync();
            buttons.Where(b => b is not ("Search" or "Filter" or "Copy")).Should().BeEmpty("a viewer of {0} has nothing to change", section.Length == 0 ? "the overview" : section);
        }

        await viewer.GotoAsync(dashboard.Url(appPath + "/keys"));
        await DashboardHost.CheckPageAsync(viewer, "keys-viewer");

        // A well-formed post with the viewer's own anti-forgery token is still refused by the handler.
        var token = await viewer.Locator("input[name=__af]").First.GetAttributeAsync("value");
        token.Should().NotBeNullOrEmpty();
        foreach (var (path, fields) in new (string, Dictionary<string, string>)[]
        {
            (appPath + "/keys?handler=Create", new() { ["Kind"] = "secret" }),
            (appPath + "/settings", new() { ["magic_link_enabled"] = "true" }),
            (appPath + "/members?handler=Invite", new() { ["InviteEmail"] = "mallory@example.com", ["InviteRole"] = "Owner" }),
            (appPath + "?handler=Delete", new() { ["ConfirmName"] = "x" }),
        })
        {
            var form = viewer.Context.APIRequest.CreateFormData();
            form.Set("__af", token!);
            foreach (var (key, value) in fields)
            {
                form.Set(key, value);
            }

            var forged = await viewer.Context.APIRequest.PostAsync(dashboard.Url(path), new APIRequestContextOptions { Form = form, MaxRedirects = 0 });
            forged.Status.Should().Be(403, "a viewer's post to {0} is refused", path);
        }

        await owner.GotoAsync(dashboard.Url(appPath + "/keys"));
        (await owner.Locator("tbody tr").CountAsync()).Should().Be(2, "no key was created by the forged posts");
        await viewer.Context.CloseAsync();
        await owner.Context.CloseAsync();
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var page = await DashboardHost.NewPageAsync(chromium);
        await dashboard.SignInAsync(page, DashboardHost.OperatorEmail, DashboardHost.OperatorPassword);
        var name = "Forged " + Guid.NewGuid().ToString("N")[..6];
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("Name", name);

        var forged = await page.Context.APIRequest.PostAsync(dashboard.Url("/admin"), new APIRequestContextOptions { Form = form, MaxRedirects = 0 });

        forged.Status.Should().Be(400);
        await page.GotoAsync(dashboard.Url("/admin"));
        (await page.ContentAsync()).Should().NotContain(name, "nothing was created");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_user_named_like_a_script_is_shown_as_text()
    {
        var (page, appPath) = await OperatorWithApplicationAsync();
        await page.GotoAsync(dashboard.Url(appPath + "/keys"));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create key" }).ClickAsync();
        using var api = dashboard.Host.NewClient((await page.Locator("#new-key").InnerTextAsync()).Trim());
        var email = DashboardHost.Unique("mallory");
        const string Name = "<script>alert(1)</script>";
        (await api.PostAsJsonAsync("/api/auth/register", new { email, password = DashboardHost.Password, name = Name })).StatusCode.Should().Be(HttpStatusCode.Created);
        var dialogs = 0;
        page.Dialog += (_, _) => dialogs++;

        await page.GotoAsync(dashboard.Url(appPath + "/users?q=" + Uri.EscapeDataString(email)));
        (await page.GetByRole(AriaRole.Cell, new PageGetByRoleOptions { Name = Name }).InnerTextAsync()).Should().Be(Name);
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = email }).ClickAsync();
        (await page.GetByText(Name).CountAsync()).Should().BeGreaterThan(0);
        (await page.ContentAsync()).Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;");
        await page.GotoAsync(dashboard.Url(appPath + "/activity"));
        dialogs.Should().Be(0, "no script ran");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Self_service_sign_up_creates_an_owner_who_sees_only_their_application()
    {
        var (operatorPage, operatorApp) = await OperatorWithApplicationAsync();
        var email = DashboardHost.Unique("founder");
        var page = await DashboardHost.NewPageAsync(chromium);
        await page.GotoAsync(dashboard.Url("/admin/sign-in"));
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Create an account" }).ClickAsync();
        await DashboardHost.CheckPageAsync(page, "signup");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", DashboardHost.Password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create account" }).ClickAsync();
        await page.GetByText("Check your email").WaitForAsync();

        // The address is verified before first use.
        await page.GotoAsync(dashboard.Url("/admin/sign-in"));
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", DashboardHost.Password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        (await page.Locator("[role=alert]").InnerTextAsync()).Should().Contain("Verify your email");
        var verifyLink = await dashboard.MailLinkAsync(email, "");
        verifyLink.Should().Contain("/admin/verify-email?token=", "a dashboard account confirms its address on the dashboard");
        await page.GotoAsync(verifyLink);
        await DashboardHost.CheckPageAsync(page, "verify-email");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Confirm email" }).ClickAsync();
        await page.GetByText("Email confirmed").WaitForAsync();
        await page.GotoAsync(verifyLink);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Confirm email" }).ClickAsync();
        (await page.Locator("[role=alert]").InnerTextAsync()).Should().Contain("does not work any more", "a verification link works once");

        await dashboard.SignInAsync(page, email, DashboardHost.Password);
        (await page.Locator(".card").CountAsync()).Should().Be(0, "a new account sees no application of anyone else");
        var name = "Mine " + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("#Name", name);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create application" }).ClickAsync();
        (await page.Locator("#created-sk").InnerTextAsync()).Should().StartWith("sk_");
        await page.GotoAsync(dashboard.Url("/admin"));
        (await page.Locator(".card .title").AllInnerTextsAsync()).Should().Equal(name);
        (await page.Locator(".card .badge").InnerTextAsync()).Should().Be("owner");

        var other = await page.GotoAsync(dashboard.Url(operatorApp + "/users"));
        other!.Status.Should().Be(404, "another application is out of reach, whatever its address");
        await page.Context.CloseAsync();
        await operatorPage.Context.CloseAsync();
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_the_pages_load_only_their_own_files_under_the_policy()
    {
        var page = await DashboardHost.NewPageAsync(chromium, bypassCsp: false);
        var requested = new List<string>();
        var refusals = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                refusals.Add(message.Text);
            }
        };
        await dashboard.SignInAsync(page, DashboardHost.OperatorEmail, DashboardHost.OperatorPassword);
        (await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor")).Should().Be("rgb(246, 247, 249)", "the stylesheet loads under the policy");
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "__jak_dashboard");
        cookie.HttpOnly.Should().BeTrue();
        cookie.Secure.Should().BeTrue();
        cookie.SameSite.Should().Be(SameSiteAttribute.Strict);

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" }).ClickAsync();
        await DashboardHost.WaitForUrlAsync(page, url => url.Contains("/admin/sign-in", StringComparison.Ordinal));

        // The old cookie, replayed, no longer opens the dashboard: its JwtAuthKit session ended.
        var replay = await chromium.Browser.NewContextAsync();
        await replay.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = cookie.Name, Value = cookie.Value, Domain = cookie.Domain, Path = cookie.Path, Secure = true, HttpOnly = true }]);
        var again = await replay.NewPageAsync();
        await again.GotoAsync(dashboard.Url("/admin"));
        again.Url.Should().Contain("/admin/sign-in");

        var origin = dashboard.Address.GetLeftPart(UriPartial.Authority);
        requested.Where(url => !url.StartsWith("data:", StringComparison.Ordinal)).Should().OnlyContain(url => url.StartsWith(origin, StringComparison.Ordinal));
        refusals.Should().NotContain(text => text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        await replay.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_account_sets_up_an_authenticator_and_then_signs_in_with_its_code()
    {
        var (owner, appPath) = await OperatorWithApplicationAsync();
        var email = DashboardHost.Unique("careful");
        await owner.GotoAsync(dashboard.Url(appPath + "/members"));
        await owner.FillAsync("#InviteEmail", email);
        await owner.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send invitation" }).ClickAsync();
        await owner.GetByText("An invitation was sent").WaitForAsync();
        var page = await DashboardHost.NewPageAsync(chromium);
        await page.GotoAsync(await dashboard.MailLinkAsync(email, ""));
        await page.FillAsync("#Password", DashboardHost.Password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create account and join" }).ClickAsync();
        await DashboardHost.WaitForUrlAsync(page, url => url.EndsWith(appPath, StringComparison.Ordinal));

        await page.GotoAsync(dashboard.Url("/admin/account"));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Set up an authenticator" }).ClickAsync();
        var secret = (await page.Locator("#totp-secret").InnerTextAsync()).Trim();
        await page.FillAsync("#Code", Totp.Code(secret, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Turn on" }).ClickAsync();
        (await page.Locator("#recovery-codes").InnerTextAsync()).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(10);
        await DashboardHost.CheckPageAsync(page, "account-recovery-codes");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" }).ClickAsync();
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", DashboardHost.Password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await page.GetByText("Two-step verification").WaitForAsync();
        await DashboardHost.CheckPageAsync(page, "sign-in-code");
        await page.FillAsync("#Code", "000000");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Verify" }).ClickAsync();
        (await page.Locator("[role=alert]").InnerTextAsync()).Should().Contain("not right");
        page.Url.Should().Contain("/admin/sign-in", "a wrong code opens nothing");

        // The next time step's code: the one used to turn MFA on is not accepted twice.
        await page.FillAsync("#Code", Totp.Code(secret, DateTimeOffset.UtcNow.AddSeconds(30)));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Verify" }).ClickAsync();
        await DashboardHost.WaitForUrlAsync(page, url => !url.Contains("/admin/sign-in", StringComparison.Ordinal));
        (await page.Locator(".card .title").AllInnerTextsAsync()).Should().ContainSingle();
        await page.Context.CloseAsync();
        await owner.Context.CloseAsync();
    }

    [Fact]
    public async Task A_dashboard_account_resets_its_password_from_the_sign_in_page_and_signs_in_with_the_new_one()
    {
        var (owner, _, email) = await InvitedMemberAsync();
        await owner.Context.CloseAsync();
        var page = await DashboardHost.NewPageAsync(chromium);
        await page.GotoAsync(dashboard.Url("/admin/sign-in"));
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Forgot password?" }).ClickAsync();
        page.Url.Should().EndWith("/admin/forgot-password");
        await DashboardHost.CheckPageAsync(page, "forgot-password");
        await page.FillAsync("#Email", email);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send reset link" }).ClickAsync();
        await page.GetByText("a link to choose a new password is on its way").WaitForAsync();
        await DashboardHost.CheckPageAsync(page, "forgot-password-sent");

        var link = await dashboard.MailLinkAsync(email, "Reset your");
        link.Should().StartWith(dashboard.Url("/admin/reset-password?token="), "a dashboard account's reset link opens the dashboard's own page");
        await page.GotoAsync(link);
        await DashboardHost.CheckPageAsync(page, "reset-password");
        const string NewPassword = "a brand new passphrase 2027";
        await page.FillAsync("#NewPassword", "short");
        await page.FillAsync("#ConfirmPassword", "short");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Set new password" }).ClickAsync();
        (await page.Locator("#pw-error").InnerTextAsync()).Should().Contain("12", "a weak password is refused next to its field, and the link still works");
        await page.FillAsync("#NewPassword", NewPassword);
        await page.FillAsync("#ConfirmPassword", NewPassword);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Set new password" }).ClickAsync();
        await DashboardHost.WaitForUrlAsync(page, url => url.Contains("/admin/sign-in", StringComparison.Ordinal));
        await page.GetByText("Your password was changed").WaitForAsync();

        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", DashboardHost.Password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        (await page.Locator("[role=alert]").InnerTextAsync()).Should().Contain("not right", "the old password is gone");
        await dashboard.SignInAsync(page, email, NewPassword);
        page.Url.Should().NotContain("/admin/sign-in");

        await page.GotoAsync(link);
        await page.FillAsync("#NewPassword", "yet another passphrase 2028");
        await page.FillAsync("#ConfirmPassword", "yet another passphrase 2028");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Set new password" }).ClickAsync();
        (await page.Locator("[role=alert]").InnerTextAsync()).Should().Contain("does not work any more", "the link works once");
        await DashboardHost.CheckPageAsync(page, "reset-password-spent");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_settings_page_previews_the_built_in_email_in_a_sandboxed_frame()
    {
        var (page, appPath) = await OperatorWithApplicationAsync();
        await page.GotoAsync(dashboard.Url(appPath + "/settings"));
        var panel = page.Locator("details.panel").Filter(new LocatorFilterOptions { HasText = "password reset" });
        (await panel.Locator(".badge").InnerTextAsync()).Should().Be("built-in");
        await panel.Locator("summary").ClickAsync();
        var frame = panel.Locator("iframe.preview");
        (await frame.GetAttributeAsync("sandbox")).Should().Be("", "the frame may run nothing and has no origin of its own");
        var body = page.FrameLocator("details.panel:has-text('password reset') iframe.preview").Locator("body");
        await body.GetByText("Choose a new password").WaitForAsync();
        (await body.InnerTextAsync()).Should().Contain("Reset your password").And.Contain("someone@example.com").And.NotContain("{{");
        await DashboardHost.CheckPageAsync(page, "settings-preview");

        var preview = await page.Context.APIRequest.GetAsync(dashboard.Url(appPath + "/settings/preview/password_reset"));
        preview.Status.Should().Be(200);
        preview.Headers["content-security-policy"].Should().Contain("sandbox").And.Contain("default-src 'none'");
        (await preview.TextAsync()).Should().Contain("?token=preview", "the link is a sample that resets nothing");
        (await page.Context.APIRequest.GetAsync(dashboard.Url(appPath + "/settings/preview/invitation"))).Status.Should().Be(404);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_account_that_is_the_last_owner_of_an_application_cannot_delete_itself_until_the_application_goes()
    {
        var (owner, _, email) = await InvitedMemberAsync();
        await owner.Context.CloseAsync();
        var page = await DashboardHost.NewPageAsync(chromium);
        await dashboard.SignInAsync(page, email, DashboardHost.Password);
        var name = "Solo " + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("#Name", name);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create application" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Open " + name }).ClickAsync();
        var soloPath = new Uri(page.Url).AbsolutePath;

        await page.GotoAsync(dashboard.Url("/admin/account"));
        await page.Locator("#delete-account summary").ClickAsync();
        await page.FillAsync("#ConfirmEmail", email);
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Delete account" }).ClickAsync(),
            response => response.Request.Method == "POST");
        refused.Status.Should().Be(409);
        (await page.Locator("#confirm-email-error").InnerTextAsync()).Should().Contain("last owner of " + name).And.Contain("delete the application");
        await DashboardHost.CheckPageAsync(page, "account-delete-refused");
        await page.GotoAsync(dashboard.Url("/admin"));
        (await page.Locator(".card .title").AllInnerTextsAsync()).Should().Contain(name, "nothing was deleted");

        // With its application gone, the account may go.
        await page.GotoAsync(dashboard.Url(soloPath));
        await page.Locator("details.danger-zone summary").ClickAsync();
        await page.FillAsync("#ConfirmName", name);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Delete application" }).ClickAsync();
        await DashboardHost.WaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/admin");
        await page.GotoAsync(dashboard.Url("/admin/account"));
        await page.Locator("#delete-account summary").ClickAsync();
        await page.FillAsync("#ConfirmEmail", email);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Delete account" }).ClickAsync();
        await DashboardHost.WaitForUrlAsync(page, url => url.Contains("/admin/sign-in", StringComparison.Ordinal));
        await page.GetByText("Your dashboard account was deleted.").WaitForAsync();
        var act = () => dashboard.SignInAsync(page, email, DashboardHost.Password);
        await act.Should().ThrowAsync<InvalidOperationException>("the account is gone");
        await page.Context.CloseAsync();
    }

    /// <summary>An admin member of an operator's new application, invited and joined through the dev mailbox; signed in on its own page.</summary>
    private async Task<(IPage Owner, string AppPath, string Email)> InvitedMemberAsync()
    {
        var (owner, appPath) = await OperatorWithApplicationAsync();
        var email = DashboardHost.Unique("member");
        await owner.GotoAsync(dashboard.Url(appPath + "/members"));
        await owner.FillAsync("#InviteEmail", email);
        await owner.SelectOptionAsync("#InviteRole", "Admin");
        await owner.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Send invitation" }).ClickAsync();
        await owner.GetByText("An invitation was sent").WaitForAsync();
        var member = await DashboardHost.NewPageAsync(chromium);
        await member.GotoAsync(await dashboard.MailLinkAsync(email, ""));
        await member.FillAsync("#Password", DashboardHost.Password);
        await member.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create account and join" }).ClickAsync();
        await DashboardHost.WaitForUrlAsync(member, url => url.EndsWith(appPath, StringComparison.Ordinal));
        await member.Context.CloseAsync();
        return (owner, appPath, email);
    }

    private async Task<(IPage Page, string AppPath)> OperatorWithApplicationAsync()
    {
        var page = await DashboardHost.NewPageAsync(chromium);
        await dashboard.SignInAsync(page, DashboardHost.OperatorEmail, DashboardHost.OperatorPassword);
        var name = "App " + Guid.NewGuid().ToString("N")[..8];
        await page.FillAsync("#Name", name);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Create application" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Open " + name }).ClickAsync();
        return (page, new Uri(page.Url).AbsolutePath);
    }
}
