using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace JwtAuthKit.HostApp.Dashboard;

/// <summary>One day of an application's activity, as the chart draws it.</summary>
internal sealed record ActivityDay(DateOnly Day, int SignIns, int Failures, int SignUps);

/// <summary>
/// Draws sign-ins, failures and sign-ups per day as an SVG line chart on the server: no script, no library, nothing
/// fetched; presentation attributes only, so the dashboard's style-src 'self' policy holds.
/// </summary>
internal static class ActivityChart
{
    private const int Width = 760;
    private const int Height = 240;
    private const int Left = 44;
    private const int Right = 12;
    private const int Top = 14;
    private const int Bottom = 30;

    public static string Render(IReadOnlyList<ActivityDay> days, string titleId)
    {
        var html = HtmlEncoder.Default;
        var max = Math.Max(1, days.Count == 0 ? 1 : days.Max(d => Math.Max(d.SignIns, Math.Max(d.Failures, d.SignUps))));
        var scale = NiceCeiling(max);
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double Y(int v) => Top + plotHeight - (v * plotHeight / (double)scale);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{html.Encode(titleId)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var step = 0; step <= 4; step++)
        {
            var value = scale * step / 4;
            var y = Y(value);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#e3e6ea\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 8}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"11\" fill=\"#545b66\">{value}</text>");
        }

        // Each day is a slot with three bars side by side, so equal counts stay visible.
        var slot = plotWidth / (double)Math.Max(1, days.Count);
        var bar = Math.Max(1.5, (slot - 4) / 3);
        double X(int i) => Left + (i * slot) + ((slot - (3 * bar)) / 2);
        var labelEvery = Math.Max(1, (int)Math.Ceiling(days.Count / 6.0));
        for (var i = 0; i < days.Count; i += labelEvery)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i) + (1.5 * bar):0.#}\" y=\"{Height - 10}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#545b66\">{html.Encode(days[i].Day.ToString("MMM d", CultureInfo.InvariantCulture))}</text>");
        }

        for (var i = 0; i < days.Count; i++)
        {
            var day = days[i];
            Bar(svg, X(i), bar, day.SignIns, "#0f766e", Y, $"{Label(day)}: {day.SignIns} sign-ins");
            Bar(svg, X(i) + bar, bar, day.Failures, "#b42318", Y, $"{Label(day)}: {day.Failures} failures");
            Bar(svg, X(i) + (2 * bar), bar, day.SignUps, "#2563eb", Y, $"{Label(day)}: {day.SignUps} sign-ups");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Label(ActivityDay day) => day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Bar(StringBuilder svg, double x, double width, int value, string colour, Func<int, double> y, string title)
    {
        if (value <= 0)
        {
            return;
        }

        var top = y(value);
        var height = y(0) - top;
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.##}\" y=\"{top:0.#}\" width=\"{width:0.##}\" height=\"{height:0.#}\" fill=\"{colour}\"><title>{HtmlEncoder.Default.Encode(title)}</title></rect>");
    }

    private static int NiceCeiling(int max)
    {
        var magnitude = (int)Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var factor in new[] { 1, 2, 4, 5, 10 })
        {
            if (factor * magnitude >= max && factor * magnitude % 4 == 0)
            {
                return factor * magnitude;
            }
        }

        return ((max / 4) + 1) * 4;
    }
}
