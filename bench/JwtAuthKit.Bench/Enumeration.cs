using System.Diagnostics;
using System.Globalization;

namespace JwtAuthKit.Bench;

/// <summary>The enumeration bench of issue 8 (bench/JwtAuthKit.Bench.Enumeration), run as it is, its tables kept verbatim.</summary>
public static class Enumeration
{
    public const string Dll = "bench/JwtAuthKit.Bench.Enumeration/bin/Release/net10.0/JwtAuthKit.Bench.Enumeration.dll";

    public static async Task<string> RunAsync(int samples)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Harness.Work };
        start.ArgumentList.Add(Path.Combine(Harness.Root, Dll));
        start.ArgumentList.Add(samples.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The enumeration bench did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = (await output).Trim();
        Console.WriteLine(text);
        return process.ExitCode == 0 ? text : $"{text}\n\nFAILED (exit {process.ExitCode}): {(await error).Trim()}";
    }
}
