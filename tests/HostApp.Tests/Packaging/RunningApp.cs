using System.Diagnostics;
using System.Text;

namespace HostApp.Tests.Packaging;

/// <summary>A built app started with <c>dotnet run</c> on loopback, until disposed.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private RunningApp(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<RunningApp> StartAsync(string folder, string readyPath, IDictionary<string, string>? environment = null)
    {
        var address = new Uri($"http://127.0.0.1:{HostProcess.FreePort()}");
        var process = DotnetCli.Start(folder, ["run", "--no-build", "-c", "Release", "--no-launch-profile", "--urls", address.ToString().TrimEnd('/')],
            new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
        var app = new RunningApp(process, address);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = address };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("The app exited at start:\n" + app.Output);
            }

            try
            {
                if ((await client.GetAsync(readyPath)).IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        await app.DisposeAsync();
        throw new TimeoutException("The app did not answer:\n" + app.Output);
    }

    public HttpClient NewClient() => new() { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
