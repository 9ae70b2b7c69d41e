// Imports N users (default 100,000) through the public IUserImportService into a fresh SQLite file and reports the time
// and memory it took. Half the rows carry password hashes (bcrypt cost 4 and Django PBKDF2, a pool of precomputed ones:
// import checks a hash's format, it does not verify it), half are passwordless. Run:
//   dotnet run -c Release --project bench/JwtAuthKit.Bench.Import -- 100000
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using JwtAuthKit;
using JwtAuthKit.Administration;
using JwtAuthKit.EntityFramework;
using JwtAuthKit.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var folder = Path.Combine(Path.GetTempPath(), "jak-bench-import", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var file = Path.Combine(folder, "users.ndjson");
var database = Path.Combine(folder, "auth.db");

var generate = Stopwatch.StartNew();
var hashes = Enumerable.Range(0, 100).Select(i => i % 2 == 0
        ? BCrypt.Net.BCrypt.HashPassword("password " + i, 4)
        : $"pbkdf2_sha256$1000$salt{i}${Convert.ToBase64String(Rfc2898DeriveBytes.Pbkdf2("password " + i, Encoding.UTF8.GetBytes("salt" + i), 1000, HashAlgorithmName.SHA256, 32))}")
    .ToArray();
await using (var writer = new StreamWriter(file, false, new UTF8Encoding(false)))
{
    for (var i = 0; i < count; i++)
    {
        await writer.WriteLineAsync(JsonSerializer.Serialize(new Row
        {
            Email = $"user{i}@bench.example",
            EmailVerified = true,
            Name = "User " + i,
            CreatedAt = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i),
            PasswordHash = i % 2 == 0 ? hashes[i % hashes.Length] : null,
        }));
    }
}

generate.Stop();

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddJwtAuthKit(o => o.Issuer = "https://bench.example").UseSqlite($"Data Source={database}");
using var host = builder.Build();
await host.StartAsync();
var application = (await host.Services.GetRequiredService<IApplicationAdministrationService>().ListAsync(default)).Single(a => a.Name == "default");
var imports = host.Services.GetRequiredService<IUserImportService>();

GC.Collect();
var before = GC.GetTotalAllocatedBytes(precise: true);
var first = Stopwatch.StartNew();
var result = await imports.ImportAsync(AdminActor.System(application), ReadAsync(file), null, default);
first.Stop();
var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
var heapAfterFirst = GC.GetGCMemoryInfo().HeapSizeBytes;

var second = Stopwatch.StartNew();
var rerun = await imports.ImportAsync(AdminActor.System(application), ReadAsync(file), null, default);
second.Stop();
await host.StopAsync();

using var process = Process.GetCurrentProcess();
Console.WriteLine($"rows:                 {count:N0} ({count / 2:N0} with bcrypt cost 4 / PBKDF2 hashes, {count - count / 2:N0} passwordless)");
Console.WriteLine($"NDJSON file:          {new FileInfo(file).Length / 1024.0 / 1024.0:F1} MiB, generated in {generate.Elapsed.TotalSeconds:F1} s");
Console.WriteLine($"first import:         {first.Elapsed.TotalSeconds:F1} s ({count / first.Elapsed.TotalSeconds:N0} rows/s): created {result.Created:N0}, unchanged {result.Unchanged:N0}, refused {result.Refused.Count:N0}");
Console.WriteLine($"re-import (no-op):    {second.Elapsed.TotalSeconds:F1} s ({count / second.Elapsed.TotalSeconds:N0} rows/s): created {rerun.Created:N0}, unchanged {rerun.Unchanged:N0}");
Console.WriteLine($"peak working set:     {process.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MiB");
Console.WriteLine($"GC heap after import: {heapAfterFirst / 1024.0 / 1024.0:F0} MiB; allocated during import {allocated / 1024.0 / 1024.0:F0} MiB; gen2 collections {GC.CollectionCount(2)}");
Console.WriteLine($"SQLite file:          {new FileInfo(database).Length / 1024.0 / 1024.0:F1} MiB");
Directory.Delete(folder, recursive: true);
return result.Created == count && rerun.Unchanged == count ? 0 : 1;

static async IAsyncEnumerable<ImportedUser> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
{
    using var reader = new StreamReader(path);
    while (await reader.ReadLineAsync(cancellationToken) is { } line)
    {
        var row = JsonSerializer.Deserialize<Row>(line)!;
        yield return new ImportedUser(row.Email, row.EmailVerified, row.Name, null, row.CreatedAt, null, row.PasswordHash);
    }
}

internal sealed class Row
{
    [JsonPropertyName("email")] public string? Email { get; init; }

    [JsonPropertyName("email_verified")] public bool? EmailVerified { get; init; }

    [JsonPropertyName("name")] public string? Name { get; init; }

    [JsonPropertyName("created_at")] public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("password_hash")] [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? PasswordHash { get; init; }
}
