using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace HostApp.Tests.Dashboard;

/// <summary>
/// The dashboard's credential forms draw on the same per-address budgets as the HTTP API: past the budget a form answers
/// 429 with <c>Retry-After</c> and says so on the page itself, and the API's endpoint of the same kind is refused too.
/// </summary>
public sealed partial class DashboardRateLimitTests
{
    private const string OperatorEmail = "limits@example.com";
    private const string OperatorPassword = "operator-passphrase-42";

    [Fact]
    public async Task Past_the_per_address_budget_each_form_answers_429_with_a_message_on_the_page()
    {
        await using var host = await HostProcess.StartAsync(null,
            "--JwtAuthKit:DevMailbox:Enabled", "true",
            "--JwtAuthKit:Dashboard:SignupEnabled", "true",
            "--JwtAuthKit:Dashboard:Operator:Email", OperatorEmail,
            "--JwtAuthKit:Dashboard:Operator:Password", OperatorPassword,
            "--JwtAuthKit:RateLimits:PermitLimit", "1000",
            "--JwtAuthKit:RateLimits:SignIn", "2",
            "--JwtAuthKit:RateLimits:Mfa", "2",
            "--JwtAuthKit:RateLimits:SignUp", "1",
            "--JwtAuthKit:RateLimits:EmailSending", "1",
            "--JwtAuthKit:RateLimits:Verification", "1");
        using var browser = NewBrowser(host);

        // Sign-in: two wrong passwords are answered as such, the third attempt is refused before the password is checked.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var wrong = await PostFormAsync(browser, "/admin/sign-in", new() { ["Email"] = OperatorEmail, ["Password"] = "not the password" });
            wrong.Status.Should().Be(HttpStatusCode.OK);
            wrong.Body.Should().Contain("The email or password is not right.");
        }

        var refused = await PostFormAsync(browser, "/admin/sign-in", new() { ["Email"] = OperatorEmail, ["Password"] = OperatorPassword });
        refused.Status.Should().Be(HttpStatusCode.TooManyRequests);
        refused.RetryAfter.Should().BeInRange(1, 60);
        refused.Body.Should().Contain("Too many attempts from your network").And.Contain("<form", "the page itself answers, not an error page");
        refused.SetCookie.Should().NotContain("__jak_dashboard=", "even the right password opens nothing once the budget is spent");
        using (var api = host.NewClient())
        {
            (await api.PostAsJsonAsync("/api/platform/login", new { email = OperatorEmail, password = OperatorPassword })).StatusCode
                .Should().Be(HttpStatusCode.TooManyRequests, "the page and the API share one budget");
        }

        // The second-factor step, sign-up, the reset request and the reset itself have budgets of their own.
        await ExpectRefusedAfterAsync(browser, "/admin/sign-in?handler=Mfa", new() { ["MfaToken"] = "unknown", ["Code"] = "123456" }, 2);
        await ExpectRefusedAfterAsync(browser, "/admin/signup", new() { ["Email"] = "new.client@example.com", ["Password"] = "a long passphrase 2026" }, 1);
        await ExpectRefusedAfterAsync(browser, "/admin/forgot-password", new() { ["Email"] = OperatorEmail }, 1);
        await ExpectRefusedAfterAsync(browser, "/admin/reset-password", new() { ["Token"] = "unknown", ["NewPassword"] = "a long passphrase 2026", ["ConfirmPassword"] = "a long passphrase 2026" }, 1);
    }

    private static async Task ExpectRefusedAfterAsync(HttpClient browser, string path, Dictionary<string, string> fields, int allowed)
    {
        for (var attempt = 0; attempt < allowed; attempt++)
        {
            var answered = await PostFormAsync(browser, path, fields);
            ((int)answered.Status).Should().BeLessThan(400, "attempt {0} of {1} at {2} is within the budget", attempt + 1, allowed, path);
            answered.Body.Should().NotContain("Too many attempts");
        }

        var refused = await PostFormAsync(browser, path, fields);
        refused.Status.Should().Be(HttpStatusCode.TooManyRequests, "{0} is over its budget", path);
        refused.RetryAfter.Should().BeGreaterThan(0);
        refused.Body.Should().Contain("Too many attempts from your network").And.Contain("role=\"alert\"");
    }

    private static HttpClient NewBrowser(HostProcess host) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = host.Address };

    /// <summary>Loads the form's page for its anti-forgery token (and cookie), then posts the form as a browser would.</summary>
    private static async Task<(HttpStatusCode Status, string Body, int RetryAfter, string SetCookie)> PostFormAsync(HttpClient browser, string path, Dictionary<string, string> fields)
    {
        var form = await browser.GetStringAsync(path.Split('?')[0] + (path.Contains("reset-password", StringComparison.Ordinal) ? "?token=unknown" : ""));
        var token = AntiforgeryField().Match(form);
        token.Success.Should().BeTrue("{0} carries an anti-forgery token", path);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__af"] = WebUtility.HtmlDecode(token.Groups[1].Value) });
        using var response = await browser.PostAsync(path, content);
        var retryAfter = response.Headers.RetryAfter?.Delta is { } delta ? (int)delta.TotalSeconds : 0;
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? string.Join("\n", values) : "";
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), retryAfter, cookies);
    }

    [GeneratedRegex("name=\"__af\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
