using System.Globalization;
using System.Net;
using System.Text;

namespace JwtAuthKit.Bench;

/// <summary>Horizontal bar charts as plain SVG (no script, no external fonts), written under docs/images.</summary>
public static class Svg
{
    public static string BarChart(string title, string unit, IReadOnlyList<(string Label, double Value, bool Ours)> bars)
    {
        const int labelWidth = 330, barWidth = 380, rowHeight = 26, top = 36;
        var max = bars.Count == 0 ? 1 : Math.Max(bars.Max(b => double.IsFinite(b.Value) ? b.Value : 0), 1e-9);
        var height = top + (bars.Count * rowHeight) + 16;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{labelWidth + barWidth + 110}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n<text x=\"8\" y=\"20\" font-size=\"14\" font-weight=\"bold\">{WebUtility.HtmlEncode(title)}</text>\n");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, ours) = bars[i];
            var y = top + (i * rowHeight);
            var width = double.IsFinite(value) ? Math.Max(1, value / max * barWidth) : 0;
            var text = double.IsFinite(value) ? Format(value) + " " + unit : "failed";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\">{WebUtility.HtmlEncode(label)}</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{width:0.0}\" height=\"{rowHeight - 8}\" fill=\"{(ours ? "#2f6fdf" : "#9aa5b1")}\"><title>{WebUtility.HtmlEncode(label)}: {WebUtility.HtmlEncode(text)}</title></rect>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + width + 6:0.0}\" y=\"{y + 15}\">{WebUtility.HtmlEncode(text)}</text>\n");
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Format(double value) => value >= 1000 ? value.ToString("N0", CultureInfo.InvariantCulture)
        : value >= 100 ? value.ToString("0", CultureInfo.InvariantCulture)
        : value >= 10 ? value.ToString("0.0", CultureInfo.InvariantCulture)
        : value.ToString("0.00", CultureInfo.InvariantCulture);
}
