using System.Diagnostics;
using System.Net;

namespace HostApp.Tests;

/// <summary>The host as a command-line tool: help, refusals that name the setting, and the quick start's own command.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    public async Task Help_prints_the_commands_and_options_instead_of_starting(string argument)
    {
        var (exitCode, output) = await HostProcess.RunToEndAsync(NewFolder(), argument);

        exitCode.Should().Be(0);
        output.Should().Contain("migrate").And.Contain("keys rotate").And.Contain("apps create --name").And.Contain("operators create --email")
            .And.Contain("--urls").And.Contain("JwtAuthKit:Issuer");
        output.Should().NotContain("Now listening", "help does not start the server");
    }

    [Theory]
    [InlineData("http://0.0.0.0:{0}")]
    [InlineData("http://*:{0}")]
    public async Task Listening_on_every_interface_without_an_issuer_is_refused_with_the_setting_named(string urls)
    {
        var (exitCode, output) = await HostProcess.RunToEndAsync(NewFolder(), "--urls", string.Format(System.Globalization.CultureInfo.InvariantCulture, urls, HostProcess.FreePort()));

        exitCode.Should().NotBe(0);
        output.Should().Contain("JwtAuthKit:Issuer").And.Contain("every interface");
    }

    [Fact]
    public async Task Started_from_another_folder_the_host_reads_its_own_appsettings()
    {
        await using var host = await HostProcess.StartAsync(NewFolder());

        // appsettings.json beside the binary sets single-line console logs with a UTC timestamp.
        host.Output.Split('\n').Should().Contain(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info: "),
            "the host found appsettings.json although it runs in " + host.Directory);
    }

    [Fact]
    public async Task The_quick_start_command_runs_the_host_in_Development_with_the_dev_mailbox()
    {
        var folder = NewFolder();
        var port = HostProcess.FreePort();
        var project = Path.Combine(Packaging.PackedFeed.RepositoryRoot, "samples", "HostApp");
        var database = Path.Combine(folder, "quick.db");
        using var process = Packaging.DotnetCli.Start(folder, ["run", "--project", project, "--no-build", "--",
            "--urls", $"http://127.0.0.1:{port}", "--ConnectionStrings:JwtAuthKit", $"Data Source={database}"],
            new Dictionary<string, string> { ["JwtAuthKit__PasswordHashing__MemorySizeKiB"] = "1024", ["JwtAuthKit__PasswordHashing__Iterations"] = "1" });
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var clock = Stopwatch.StartNew();
            HttpStatusCode? mailbox = null;
            while (clock.Elapsed < TimeSpan.FromSeconds(60) && mailbox is null && !process.HasExited)
            {
                try
                {
                    mailbox = (await client.GetAsync("/dev/mailbox")).StatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200);
                }
            }

            mailbox.Should().Be(HttpStatusCode.OK, "the launch profile starts the host in Development, where the dev mailbox is on");
            File.Exists(database).Should().BeTrue();
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jak-host-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
