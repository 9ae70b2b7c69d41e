using System.Diagnostics;
using System.Globalization;

namespace JwtAuthKit.HostApp;

/// <summary>The progress of <c>users import</c> on stderr: a bar when the total is known, rows done and the rate.</summary>
internal sealed class ImportProgressBar(int? total, TextWriter output) : IProgress<int>
{
    private const int Width = 30;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Report(int value)
    {
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var rate = (value / seconds).ToString("N0", CultureInfo.InvariantCulture);
        if (total is > 0 and var all)
        {
            var filled = (int)Math.Round(Width * Math.Min(1.0, value / (double)all));
            output.Write($"\r[{new string('#', filled)}{new string('-', Width - filled)}] {value}/{all} rows, {rate} rows/s ");
        }
        else
        {
            output.Write($"\r{value} rows, {rate} rows/s ");
        }

        output.Flush();
    }

    public void Done() => output.WriteLine();
}
