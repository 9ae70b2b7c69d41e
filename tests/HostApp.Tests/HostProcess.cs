using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HostApp.Tests;

/// <summary>The host as a user runs it: its own process, its own SQLite file, real Kestrel on loopback.</summary>
public sealed class HostProcess : IAsyncDisposable
{

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, Uri address, string directory)
    {
        _process = process;
        Address = address;
        Directory = directory;
    }

    public Uri Address { get; }

    public string Directory { get; }

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

    public static string HostDll => Path.Combine(AppContext.BaseDirectory, "HostApp.dll");

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static Task<HostProcess> StartAsync(string? directory = null, params string[] extraArgs) =>
        StartAsync(directory, new Dictionary<string, string>(), extraArgs);

    /// <summary>Starts the host with extra environment variables (a different HOME, say).</summary>
    public static Task<HostProcess> StartAsync(string? directory, IDictionary<string, string> environment, params string[] extraArgs) =>
        StartAsync(HostDll, directory, environment, extraArgs);

    /// <summary>Starts the host listening on <paramref name="extraUrl"/> too (an HTTPS endpoint, say).</summary>
    public static Task<HostProcess> StartListeningAsync(string? directory, IDictionary<string, string> environment, string? extraUrl, params string[] extraArgs) =>
        StartCoreAsync(HostDll, directory, environment, extraUrl, extraArgs);

    /// <summary>Starts a host from another build of it (a <c>dotnet publish</c> output, say).</summary>
    public static Task<HostProcess> StartAsync(string hostDll, string? directory, IDictionary<string, string> environment, params string[] extraArgs) =>
        StartCoreAsync(hostDll, directory, environment, null, extraArgs);

    private static async Task<HostProcess> StartCoreAsync(string hostDll, string? directory, IDictionary<string, string> environment, string? extraUrl, string[] extraArgs)
    {
        directory ??= Path.Combine(Path.GetTempPath(), "jak-host-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var urls = address.ToString().TrimEnd('/') + (extraUrl is null ? "" : ";" + extraUrl);
        var process = Start(directory, ["--urls", urls, .. extraArgs], environment: environment, hostDll: hostDll);
        var host = new HostProcess(process, address, directory);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = address };
        var deadline = Stopwatch.StartNew();
        // Generous: on a shared, loaded machine two hosts migrating one new PostgreSQL database in turn can take a minute.
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("The host exited early:\n" + host.Output);
            }

            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        await host.DisposeAsync();
        throw new TimeoutException("The host did not answer /healthz:\n" + host.Output);
    }

    public static Task<(int ExitCode, string Output)> RunToEndAsync(string directory, params string[] args) =>
        RunWithInputAsync(directory, null, args);

    public static async Task<(int ExitCode, string Output)> RunWithInputAsync(string directory, string? input, params string[] args)
    {
        System.IO.Directory.CreateDirectory(directory);
        using var process = Start(directory, args, redirectInput: true);
        await process.StandardInput.WriteAsync(input ?? "");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout + await stderr);
    }

    public HttpClient NewClient(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>Sends SIGTERM, as a container runtime or systemd does to stop the host, and waits for it to exit.</summary>
    /// <returns>The exit code.</returns>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
            if (kill.ExitCode != 0)
            {
                throw new InvalidOperationException($"kill -TERM {_process.Id} failed with exit code {kill.ExitCode}.");
            }
        }

        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>Sends SIGKILL, as a power cut to the process or the kernel's out-of-memory killer does: no clean-up runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static Process Start(string directory, string[] args, bool redirectInput = false, IDictionary<string, string>? environment = null, string? hostDll = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(hostDll ?? HostDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Fast hashing keeps the suite quick; the defaults are covered by the core tests.
        info.Environment["JwtAuthKit__PasswordHashing__MemorySizeKiB"] = "1024";
        info.Environment["JwtAuthKit__PasswordHashing__Iterations"] = "1";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return Process.Start(info)!;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
