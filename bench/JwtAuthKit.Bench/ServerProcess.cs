using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace JwtAuthKit.Bench;

/// <summary>
/// One server the harness starts (our host, a peer, the embedding app) from its Release build, on a free loopback port;
/// its peak memory is read from /proc (VmHWM), and can be reset between runs (clear_refs).
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private static readonly List<ServerProcess> Started = [];

    static ServerProcess()
    {
        // Whatever ends the harness (an error, Ctrl-C), no server it started outlives it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
        Console.CancelKeyPress += (_, _) => StopAll();
    }

    private ServerProcess(string name, Process process, Uri address)
    {
        lock (Started)
        {
            Started.Add(this);
        }

        Name = name;
        _process = process;
        Address = address;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public Uri Address { get; }

    public int Pid => _process.Id;

    /// <summary>Starts <paramref name="dll"/> (a path under the repository) with <paramref name="arguments"/> and waits for /healthz.</summary>
    public static async Task<ServerProcess> StartAsync(string name, string dll, IEnumerable<string> arguments, int port = 0)
    {
        port = port == 0 ? FreePort() : port;
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Harness.Work,
        };
        start.ArgumentList.Add(Path.Combine(Harness.Root, dll));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_gcServer"] = "0";
        var server = new ServerProcess(name, Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start."), address);
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (server._process.HasExited)
            {
                throw new InvalidOperationException($"{name} ended ({server._process.ExitCode}): {server.Output()}");
            }

            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(180))
            {
                await server.DisposeAsync();
                throw new TimeoutException($"{name} did not answer /healthz within 180 s: {server.Output()}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Stops every server this process started that is still running.</summary>
    public static void StopAll()
    {
        ServerProcess[] all;
        lock (Started)
        {
            all = [.. Started];
        }

        foreach (var server in all)
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Resets the peak resident set (VmHWM) to the current one, so the next reading is the peak of one run.</summary>
    public void ResetPeak()
    {
        try
        {
            File.WriteAllText($"/proc/{Pid}/clear_refs", "5");
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The peak resident set since start or the last <see cref="ResetPeak"/>, in MiB.</summary>
    public double PeakMiB() => ReadStatusKiB("VmHWM") / 1024.0;

    public double CurrentMiB() => ReadStatusKiB("VmRSS") / 1024.0;

    public string Output()
    {
        lock (_output)
        {
            return string.Join('\n', _output.TakeLast(40));
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
        }

        lock (Started)
        {
            Started.Remove(this);
        }
    }

    private double ReadStatusKiB(string field)
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return double.Parse(line[(field.Length + 1)..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
            }
        }

        return double.NaN;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 400)
            {
                _output.RemoveRange(0, 200);
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
