using JwtAuthKit.AspNetCore.Tests.Infrastructure;

namespace JwtAuthKit.AspNetCore.Tests.Security;

/// <summary>The SQLite file holds password hashes, sealed refresh tokens and the key ring: only its owner may read it.</summary>
public sealed class DatabaseFileTests
{
    [Fact]
    public async Task The_database_file_and_its_wal_and_shm_files_are_readable_by_their_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix modes do not exist there; the file inherits the folder's ACL.
        }

        var path = TestHost.NewDatabasePath();
        await using var host = await TestHost.StartAsync(databasePath: path);
        (await host.Client.RegisterAsync(Unique.Email())).EnsureSuccessStatusCode();

        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Exists(file).Should().BeTrue(file);
            File.GetUnixFileMode(file).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite, file);
        }
    }
}
