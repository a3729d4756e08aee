using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ArticleBot.EndToEnd.Tests.Postgres;

/// <summary>The PostgreSQL tests share one cluster (started once per test run) and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresTests : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}

/// <summary>
/// A real PostgreSQL server for the tests: <c>initdb</c> in a temporary folder, password (SCRAM) logins, listening on a
/// free loopback port, stopped and deleted at the end. Run as root (a container, CI), the server runs as <c>nobody</c>,
/// which owns the folder: PostgreSQL refuses to run as root. Without the server binaries the tests are skipped, saying
/// why, unless <c>ARTICLEBOT_REQUIRE_POSTGRES=1</c> (set by <c>.ci/run</c>), which makes them fail instead.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    /// <summary>The superuser's name and password; the password is distinctive so tests can look for it in output.</summary>
    public const string User = "articlebot";
    public const string Password = "pw-Zq7e1Lx9-never-logged";

    private const string RequireVariable = "ARTICLEBOT_REQUIRE_POSTGRES";
    private static int s_databases;
    private string? _root;
    private string? _bin;
    private string[] _runAs = [];

    /// <summary>Why there is no server (no binaries), or null when it runs.</summary>
    public string? Unavailable { get; private set; }

    public int Port { get; private set; }

    /// <summary>The server's log, for failure messages.</summary>
    public string Log => _root is null ? string.Empty : File.ReadAllText(Path.Combine(_root, "server.log"));

    /// <summary>Where the server binaries are (initdb, pg_ctl, postgres), or null: ARTICLEBOT_PG_BIN, else the newest /usr/lib/postgresql/*/bin.</summary>
    public static string? FindBinaries(string? configured, string searchRoot)
    {
        static bool Complete(string folder) => File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")) && File.Exists(Path.Combine(folder, "postgres"));
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Complete(configured) ? configured : null;
        }

        return Directory.Exists(searchRoot)
            ? Directory.GetDirectories(searchRoot)
                .Select(v => (Version: int.TryParse(Path.GetFileName(v), CultureInfo.InvariantCulture, out var n) ? n : 0, Bin: Path.Combine(v, "bin")))
                .Where(v => Complete(v.Bin)).OrderByDescending(v => v.Version).Select(v => v.Bin).FirstOrDefault()
            : null;
    }

    /// <summary>The reason the tests skip when no binaries are found.</summary>
    public static string MissingReason(string searchRoot) =>
        $"PostgreSQL server binaries (initdb, pg_ctl, postgres) not found in ARTICLEBOT_PG_BIN or {searchRoot}/*/bin: install PostgreSQL 15 or later (apt-get install postgresql) to run the shared-database tests";

    /// <summary>Skips the calling test when there is no server (fails it under .ci/run, which requires one).</summary>
    public void RequireRunning()
    {
        if (Unavailable is null)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail($"{RequireVariable}=1 but {Unavailable}");
        }

        Assert.Skip(Unavailable);
    }

    /// <summary>A new, empty database for one test; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        RequireRunning();
        await StartIfStoppedAsync(); // a test that failed while the server was killed must not fail the next ones
        var name = $"test_{Interlocked.Increment(ref s_databases)}_{Environment.ProcessId}";
        // Not pooled: a test that kills the server would leave a pooled connection broken for the next test.
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name};", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionString(name);
    }

    public string ConnectionString(string database, string password = Password) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username={User};Password={password};Timeout=5";

    public async ValueTask InitializeAsync()
    {
        _bin = FindBinaries(Environment.GetEnvironmentVariable("ARTICLEBOT_PG_BIN"), "/usr/lib/postgresql");
        if (_bin is null)
        {
            Unavailable = MissingReason("/usr/lib/postgresql");
            return;
        }

        _root = Directory.CreateTempSubdirectory("articlebot-pg-").FullName;
        var passwordFile = Path.Combine(_root, "password");
        await File.WriteAllTextAsync(passwordFile, Password + "\n");
        if (Environment.IsPrivilegedProcess)
        {
            // PostgreSQL will not run as root: the folder goes to nobody, and every server command runs as nobody.
            await RunAsync("chown", ["-R", "nobody:", _root]);
            _runAs = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"];
            if (!File.Exists("/usr/bin/setpriv") || (await RunAsync("id", ["-g", "nogroup"], check: false)).ExitCode != 0)
            {
                _runAs = ["runuser", "-u", "nobody", "--"];
            }
        }

        await ServerAsync("initdb", ["-D", DataDirectory, "-U", User, "--auth=scram-sha-256", $"--pwfile={passwordFile}", "--no-sync", "--encoding=UTF8", "--locale=C"]);
        File.Delete(passwordFile);
        Port = FreePort();
        await StartAsync();
    }

    /// <summary>Starts (or restarts) the server on its port, and waits until it takes connections.</summary>
    public Task StartAsync() => ServerAsync("pg_ctl", [
        "-D", DataDirectory, "-l", Path.Combine(_root!, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)} -c listen_addresses=127.0.0.1 -k {_root} -c fsync=off -c max_connections=200",
        "start"]);

    /// <summary>Starts the server again if a failed test left it killed, so the next test has one.</summary>
    public async Task StartIfStoppedAsync()
    {
        if ((await ServerAsync("pg_ctl", ["-D", DataDirectory, "status"], check: false)).ExitCode != 0)
        {
            await StartAsync();
        }
    }

    /// <summary>Kills the server as a crash would (immediate shutdown: no checkpoint, every connection cut).</summary>
    public Task KillAsync() => ServerAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);

    public async ValueTask DisposeAsync()
    {
        if (_root is null)
        {
            return;
        }

        await ServerAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], check: false);
        Directory.Delete(_root, recursive: true);
    }

    private string DataDirectory => Path.Combine(_root!, "data");

    private Task<(int ExitCode, string Output)> ServerAsync(string tool, IEnumerable<string> args, bool check = true) =>
        _runAs.Length == 0
            ? RunAsync(Path.Combine(_bin!, tool), args, check)
            : RunAsync(_runAs[0], [.. _runAs.Skip(1), Path.Combine(_bin!, tool), .. args], check);

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> args, bool check = true)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = "/" };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        var output = await stdout + await stderr;
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}: {output}");
        }

        return (process.ExitCode, output);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class PostgresClusterTests
{
    [Fact]
    public void WithoutServerBinaries_TheTestsAreSkipped_SayingWhy()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-postgresql");

        Assert.Null(PostgresCluster.FindBinaries(null, missing));
        Assert.Null(PostgresCluster.FindBinaries(missing, "/usr/lib/postgresql"));
        Assert.Contains("initdb", PostgresCluster.MissingReason(missing), StringComparison.Ordinal);
        Assert.Contains("apt-get install postgresql", PostgresCluster.MissingReason(missing), StringComparison.Ordinal);
    }
}
