using System.Net;
using System.Text.RegularExpressions;

namespace JwtAuthKit.Bench;

/// <summary>
/// The dashboard (/admin) as a browser uses it, signed in as the operator the harness configures. Cookies are carried by
/// hand: the session cookie is always Secure, and the harness talks plain HTTP on loopback.
/// </summary>
public sealed partial class DashboardClient(BenchClient client)
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public async Task SignInAsync()
    {
        var page = await SendAsync(HttpMethod.Get, "/admin/sign-in");
        var field = AntiforgeryField().Match(page.Body);
        if (!field.Success)
        {
            throw new InvalidOperationException($"No antiforgery field on /admin/sign-in ({(int)page.Status}).");
        }

        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = Harness.OperatorEmail,
            ["Password"] = Harness.Password,
            [field.Groups[1].Value] = WebUtility.HtmlDecode(field.Groups[2].Value),
        });
        var answer = await SendAsync(HttpMethod.Post, "/admin/sign-in", form);
        if (answer.Status != HttpStatusCode.Redirect && answer.Status != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"Dashboard sign-in answered {(int)answer.Status}.");
        }
    }

    /// <summary>The id of the application named <paramref name="name"/>, read from the dashboard's list.</summary>
    public async Task<string> FindApplicationAsync(string name)
    {
        var page = await SendAsync(HttpMethod.Get, "/admin");
        foreach (Match m in AppLink().Matches(page.Body))
        {
            if (WebUtility.HtmlDecode(m.Groups[2].Value).Trim() == name)
            {
                return Uri.UnescapeDataString(m.Groups[1].Value);
            }
        }

        var ids = AppLink().Matches(page.Body).Select(m => m.Groups[1].Value).Distinct().ToList();
        return ids.Count == 1 ? Uri.UnescapeDataString(ids[0]) : throw new InvalidOperationException($"Application {name} not found on /admin.");
    }

    public async Task<double> TimedGetAsync(string path)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var page = await SendAsync(HttpMethod.Get, path);
        var ms = watch.Elapsed.TotalMilliseconds;
        return page.Status == HttpStatusCode.OK ? ms : throw new InvalidOperationException($"GET {path} answered {(int)page.Status}.");
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        using var response = await client.Http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var cookie in cookies)
            {
                var pair = cookie.Split(';')[0];
                var eq = pair.IndexOf('=');
                _cookies[pair[..eq]] = pair[(eq + 1)..];
            }
        }

        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    // The dashboard names its antiforgery field __af (ASP.NET Core's default: __RequestVerificationToken).
    [GeneratedRegex("<input name=\"(__af|__RequestVerificationToken)\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("href=\"/admin/apps/([^/\"?]+)\"[^>]*>\\s*(?:<span class=\"title\">)?([^<]*)<")]
    private static partial Regex AppLink();
}
