using System.Text.Encodings.Web;
using System.Text.RegularExpressions;

namespace JwtAuthKit.Email;

/// <summary>Fills <c>{{placeholder}}</c>s; values are HTML-encoded in HTML, so user data cannot inject markup.</summary>
internal static partial class EmailTemplateRenderer
{
    public static string Render(string template, IReadOnlyDictionary<string, string> values, bool html) =>
        Placeholder().Replace(template, match =>
            values.TryGetValue(match.Groups[1].Value, out var value)
                ? (html ? HtmlEncoder.Default.Encode(value) : value)
                : match.Value);

    [GeneratedRegex(@"\{\{\s*([a-z_]+)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
