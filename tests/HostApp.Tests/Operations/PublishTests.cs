using System.Diagnostics;
using System.Net;

namespace HostApp.Tests.Operations;

/// <summary><c>dotnet publish</c> output runs as is: from a folder of its own, started from another one, with no source tree.</summary>
public sealed class PublishTests
{
    [Fact]
    public async Task The_published_host_runs_from_a_temporary_folder_and_answers_healthz()
    {
        var repository = FindRepository();
        var output = Path.Combine(Path.GetTempPath(), "jak-publish-tests", Guid.NewGuid().ToString("N"));
        // The test run has just built the host in this configuration: publish lays that build out (no second compile).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var (exitCode, log) = await RunAsync("dotnet", "publish", Path.Combine(repository, "samples", "HostApp", "HostApp.csproj"),
            "--no-build", "-c", configuration, "-o", output);
        exitCode.Should().Be(0, log);

        try
        {
            await RunPublishedAsync(output);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static async Task RunPublishedAsync(string output)
    {
        var published = Path.Combine(output, "HostApp.dll");
        File.Exists(Path.Combine(output, "appsettings.json")).Should().BeTrue();
        await using var host = await HostProcess.StartAsync(published, null, new Dictionary<string, string>(), "--JwtAuthKit:DevMailbox:Enabled", "true");
        using var client = host.NewClient();

        (await client.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/readyz")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/demo")).StatusCode.Should().Be(HttpStatusCode.OK, "the demo page's files are in the output");
        (await client.GetAsync("/demo/sdk/index.js")).StatusCode.Should().Be(HttpStatusCode.OK, "the web SDK the demo page runs is in the output");
        File.Exists(Path.Combine(host.Directory, "jwtauthkit.db")).Should().BeTrue("the database goes to the working folder, not the published one");
    }

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "JwtAuthKit.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository (JwtAuthKit.sln) is not above " + AppContext.BaseDirectory);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await stdout + await stderr);
    }
}
