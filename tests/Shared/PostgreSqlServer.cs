using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace JwtAuthKit.Testing;

/// <summary>
/// A real, throwaway PostgreSQL server for the tests: one per test process, started on first use from the machine's
/// binaries (Debian's <c>postgresql</c> package: <c>/usr/lib/postgresql/*/bin</c>, or <c>initdb</c> on the PATH, or the
/// folder in <c>JAK_POSTGRES_BIN</c>), in a cluster made with <c>initdb</c> in a temporary folder, listening on loopback
/// on a free port, and stopped (folder deleted) when the process exits. Each test class asks for a database of its own.
/// Missing binaries fail the test that asked (with what to install), never skip it.
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root; as root (CI, the dev machines) the cluster belongs to the <c>postgres</c> user the
/// Debian package creates, and the server runs under <c>runuser -u postgres</c>. Durability settings are off
/// (<c>fsync</c>, <c>synchronous_commit</c>): these tests kill hosts, never the database server.
/// </remarks>
public sealed class PostgreSqlServer : IDisposable
{
    private static readonly Lazy<Task<PostgreSqlServer>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task>> _templates = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _creating = new(1, 1);
    private readonly Process _server;
    private readonly string _folder;
    private int _databases;
    private int _disposed;

    private PostgreSqlServer(Process server, string folder, int port)
    {
        _server = server;
        _folder = folder;
        Port = port;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The connection string of the server's <c>postgres</c> database, as its superuser.</summary>
    public string AdminConnectionString => ConnectionStringFor("postgres");

    /// <summary>The server of this test process, started on first use.</summary>
    public static Task<PostgreSqlServer> GetAsync() => Shared.Value;

    /// <summary>Creates an empty database of its own (for one test class) and returns its connection string.</summary>
    public static Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default) =>
        CreateAsync(template: null, prepare: null, cancellationToken);

    /// <summary>
    /// Creates a database as a copy of the template <paramref name="template"/>, which is made once per process by
    /// <paramref name="prepare"/> (given its connection string; for example: apply the migrations). A copy takes a
    /// fraction of what preparing each database would.
    /// </summary>
    public static Task<string> CreateDatabaseAsync(string template, Func<string, Task> prepare, CancellationToken cancellationToken = default) =>
        CreateAsync(template, prepare, cancellationToken);

    private static async Task<string> CreateAsync(string? template, Func<string, Task>? prepare, CancellationToken cancellationToken)
    {
        var server = await GetAsync();
        if (template is not null)
        {
            await server._templates.GetOrAdd(template, name => new Lazy<Task>(() => server.PrepareTemplateAsync(name, prepare!))).Value;
        }

        var name = $"jak_{Environment.ProcessId}_{Interlocked.Increment(ref server._databases)}_{Guid.NewGuid():N}"[..40];
        await server._creating.WaitAsync(cancellationToken);
        try
        {
            await using var connection = new NpgsqlConnection(server.AdminConnectionString);
            await connection.OpenAsync(cancellationToken);
            var sql = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
            await using var create = new NpgsqlCommand(sql, connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            server._creating.Release();
        }

        return server.ConnectionStringFor(name);
    }

    private async Task PrepareTemplateAsync(string template, Func<string, Task> prepare)
    {
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{template}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = ConnectionStringFor(template);
        await prepare(connectionString);

        // A template is copied only while no one is connected to it: end the pooled connections the preparation left.
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var terminate = new NpgsqlCommand(
                $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{template}' AND pid <> pg_backend_pid()", connection);
            await terminate.ExecuteNonQueryAsync();
        }

        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
    }

    /// <summary>The connection string of <paramref name="database"/> on this server.</summary>
    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = "postgres",
        // Hosts come and go by the hundred in a test run; idle pooled connections must not pile up to max_connections.
        ConnectionIdleLifetime = 2,
        ConnectionPruningInterval = 1,
        MaxPoolSize = 30,
        Timeout = 30,
    }.ConnectionString;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            // SIGQUIT on the postmaster (its pid heads postmaster.pid) is PostgreSQL's immediate shutdown; the watchdog
            // sees the server end and deletes the folder.
            var pidFile = Path.Combine(_folder, "data", "postmaster.pid");
            if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First(), out var postmaster))
            {
                _ = Kill(postmaster, SigQuit);
            }

            _server.WaitForExit(10_000);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException)
        {
            // Already gone.
        }
    }

    private const int SigQuit = 3;

    // $1: the test process to watch; $2: the cluster's folder; the rest: the server command.
    private const string Watchdog = """
        watched=$1; folder=$2; shift 2
        "$@" >"$folder/server.log" 2>&1 &
        server=$!
        stop() { kill -QUIT "$(head -n 1 "$folder/data/postmaster.pid" 2>/dev/null)" 2>/dev/null; wait "$server"; rm -rf "$folder"; exit 0; }
        trap stop TERM INT
        while kill -0 "$watched" 2>/dev/null && kill -0 "$server" 2>/dev/null; do sleep 1; done
        kill -0 "$server" 2>/dev/null || cp "$folder/server.log" "$folder.log" 2>/dev/null
        stop
        """;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static async Task<PostgreSqlServer> StartAsync()
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL's server binaries (initdb, postgres) were not found: install Debian's postgresql package "
            + "(apt-get install postgresql; .ci/run does) or set JAK_POSTGRES_BIN to the folder that holds them.");
        var folder = Path.Combine(Path.GetTempPath(), $"jak-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]);
        Directory.CreateDirectory(folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot && !OperatingSystem.IsWindows())
        {
            // The postgres user makes the cluster inside this folder; root can still delete it afterwards.
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        }

        var data = Path.Combine(folder, "data");
        await RunAsync(Command(asRoot, Path.Combine(bin, "initdb"),
            "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale", "--no-sync"));

        var port = FreePort();
        var postgres = Command(asRoot, Path.Combine(bin, "postgres"),
            "-D", data, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-h", "127.0.0.1", "-k", folder,
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
            "-c", "max_connections=400", "-c", "shared_buffers=32MB");

        // A watchdog shell runs the server: when this test process ends in any way (even killed, when no exit handler
        // runs) it shuts the server down at once (SIGQUIT) and deletes the cluster's folder.
        var start = new ProcessStartInfo("sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Watchdog);
        start.ArgumentList.Add("watchdog");
        start.ArgumentList.Add(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.ArgumentList.Add(folder);
        start.ArgumentList.Add(postgres.FileName);
        foreach (var argument in postgres.ArgumentList)
        {
            start.ArgumentList.Add(argument);
        }

        var server = Process.Start(start) ?? throw new InvalidOperationException("postgres did not start.");
        var log = folder + ".log"; // written by the watchdog when the server ended on its own
        var started = new PostgreSqlServer(server, folder, port);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(started.AdminConnectionString + ";Pooling=false");
                await connection.OpenAsync();
                return started;
            }
            catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
            {
                if (server.HasExited || DateTime.UtcNow > deadline)
                {
                    started.Dispose();
                    var output = File.Exists(log) ? await File.ReadAllTextAsync(log) : "(no output)";
                    throw new InvalidOperationException($"PostgreSQL did not accept connections on port {port}: {output}", ex);
                }

                await Task.Delay(100);
            }
        }
    }

    private static string? FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("JAK_POSTGRES_BIN") is { Length: > 0 } chosen)
        {
            return chosen;
        }

        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var newest = Directory.GetDirectories(debian)
                .Select(d => (Folder: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Folder, "initdb")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Folder)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "postgres")));
    }

    private static ProcessStartInfo Command(bool asRoot, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(asRoot ? "runuser" : program) { UseShellExecute = false };
        if (asRoot)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static async Task RunAsync(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
