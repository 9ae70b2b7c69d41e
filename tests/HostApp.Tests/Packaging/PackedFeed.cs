using System.Globalization;
using System.Text.RegularExpressions;

namespace HostApp.Tests.Packaging;

/// <summary>
/// The four packages packed into a local folder once per test run, under a version of their own (so no package cache
/// serves an older build), and the documents whose examples the packaging tests run.
/// </summary>
public sealed partial class PackedFeed : IAsyncLifetime
{
    public static readonly string[] Packages = ["JwtAuthKit.Core", "JwtAuthKit.EntityFramework", "JwtAuthKit.AspNetCore", "JwtAuthKit.Smtp"];

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "jak-packaging", Guid.NewGuid().ToString("N"));

    public string Folder => Path.Combine(Root, "feed");

    public string Version { get; } = "0.1.0-test." + DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);

        // The docs run the EF Core tools from the repository's local tool manifest.
        await DotnetCli.RunAsync(RepositoryRoot, TimeSpan.FromMinutes(4), "tool", "restore");
        foreach (var package in Packages)
        {
            await DotnetCli.RunAsync(RepositoryRoot, TimeSpan.FromMinutes(4),
                "pack", Path.Combine("src", package, package + ".csproj"), "-c", "Release", "-o", Folder, "-p:Version=" + Version);
        }
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process that still holds a file (the app's database) keeps it; the folder is in the temp directory.
        }

        return Task.CompletedTask;
    }

    /// <summary>A new folder for an app, with a nuget.config that reads this feed first.</summary>
    public string NewAppFolder(string name)
    {
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        // The repository's own package sources, with this feed first.
        var sources = File.ReadAllText(Path.Combine(RepositoryRoot, "nuget.config"));
        var clear = sources.IndexOf("<clear />", StringComparison.Ordinal);
        if (clear < 0)
        {
            throw new InvalidOperationException("The repository's nuget.config does not clear the inherited sources.");
        }

        clear += "<clear />".Length;
        File.WriteAllText(Path.Combine(folder, "nuget.config"), sources[..clear] + $"\n    <add key=\"local\" value=\"{Folder}\" />" + sources[clear..]);
        return folder;
    }

    /// <summary>The code block that follows the marker <c>&lt;!-- packaging-test: {name} --&gt;</c> in a document of the repository.</summary>
    public static string CodeBlock(string document, string name)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot, document));
        var marker = text.IndexOf($"<!-- packaging-test: {name} -->", StringComparison.Ordinal);
        if (marker < 0)
        {
            throw new InvalidOperationException($"{document} has no block marked '{name}'.");
        }

        var block = CodeFence().Match(text, marker);
        return block.Success ? block.Groups[1].Value : throw new InvalidOperationException($"{document}: no code block after '{name}'.");
    }

    /// <summary>The <c>dotnet add package</c> lines of the README's embedding section.</summary>
    public static IReadOnlyList<string> ReadmePackages()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md"));
        var section = text[text.IndexOf("## Embedding in your ASP.NET Core app", StringComparison.Ordinal)..];
        return [.. AddPackage().Matches(section[..section.IndexOf("<!-- packaging-test: Program.cs -->", StringComparison.Ordinal)]).Select(m => m.Groups[1].Value)];
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "JwtAuthKit.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (JwtAuthKit.sln) is not above the test's folder.");
    }

    [GeneratedRegex(@"```[a-z]*\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeFence();

    [GeneratedRegex(@"^dotnet add package (\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex AddPackage();
}

/// <summary>One test collection, so the feed is packed once.</summary>
[CollectionDefinition(nameof(PackedFeed))]
public sealed class PackedFeedGroup : ICollectionFixture<PackedFeed>;
