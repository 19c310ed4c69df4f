using DataPlatform.LocalPostgres;
using Npgsql;

namespace DataPlatform.LocalPostgres.Tests;

/// <summary>A local cluster belongs to the account that created it: other local users get neither the password nor the socket.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ClusterPrivacyTests
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerAll = OwnerReadWrite | UnixFileMode.UserExecute;

    [Fact]
    public async Task A_cluster_requires_its_password_and_keeps_the_password_file_and_socket_private()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = LocalPostgresCluster.CreateEphemeral(new LocalPostgresClusterOptions { DisableDurability = true });
        await cluster.StartAsync(ct);

        Assert.Equal(1, await ScalarAsync<int>(cluster.ConnectionString, "SELECT 1", ct));
        Assert.Equal("0700", await ScalarAsync<string>(cluster.ConnectionString, "SHOW unix_socket_permissions", ct));
        await AssertRefusedAsync(cluster.ConnectionString, password: null, ct);
        await AssertRefusedAsync(cluster.ConnectionString, password: "postgres", ct);
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(cluster.PasswordFile));
        Assert.Equal(OwnerAll, File.GetUnixFileMode(cluster.RootDirectory));
        await AssertOtherAccountLockedOutAsync(cluster, ct);
    }

    [Fact]
    public async Task A_cluster_created_with_trust_authentication_gets_a_password_on_its_next_start()
    {
        var ct = TestContext.Current.CancellationToken;
        var directory = Directory.CreateTempSubdirectory("dp-legacy-cluster-").FullName;
        try
        {
            await using (var first = LocalPostgresCluster.CreatePersistent(directory, new LocalPostgresClusterOptions { DisableDurability = true }))
            {
                await first.StartAsync(ct);
                await first.StopAsync(ct);

                // What clusters created before this version look like: trust for everyone, no password file.
                await File.WriteAllTextAsync(
                    Path.Combine(first.DataDirectory, "pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n", ct);
                File.Delete(first.PasswordFile);
                File.SetUnixFileMode(directory, OwnerAll | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            }

            await using var second = LocalPostgresCluster.CreatePersistent(directory, new LocalPostgresClusterOptions { DisableDurability = true });
            await second.StartAsync(ct);

            Assert.True(File.Exists(second.PasswordFile));
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(second.PasswordFile));
            Assert.Equal(OwnerAll, File.GetUnixFileMode(second.RootDirectory));
            Assert.Equal(1, await ScalarAsync<int>(second.ConnectionString, "SELECT 1", ct));
            await AssertRefusedAsync(second.ConnectionString, password: null, ct);
            await second.StopAsync(ct);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // Another local account (nobody) tries psql over TCP without the password and over the Unix socket, and tries to read
    // the password file. Needs root to switch accounts; as an ordinary user the modes checked above are what keeps others out.
    private static async Task AssertOtherAccountLockedOutAsync(LocalPostgresCluster cluster, CancellationToken ct)
    {
        if (!ServiceAccount.IsRoot)
        {
            return;
        }

        var psql = PostgresBinaries.FindPsql() ?? throw new InvalidOperationException("psql is not installed next to the server binaries.");
        var port = cluster.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var overTcp = await AsNobodyAsync([psql, "-X", "-w", "-h", "127.0.0.1", "-p", port, "-U", "postgres", "-d", "postgres", "-c", "SELECT 1"], ct);
        var overSocket = await AsNobodyAsync([psql, "-X", "-w", "-h", cluster.RootDirectory, "-p", port, "-U", "postgres", "-d", "postgres", "-c", "SELECT 1"], ct);
        var readPassword = await AsNobodyAsync(["cat", cluster.PasswordFile], ct);

        Assert.False(overTcp.Succeeded, overTcp.StandardOutput);
        Assert.Contains("password", overTcp.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.False(overSocket.Succeeded, overSocket.StandardOutput);
        Assert.False(readPassword.Succeeded, readPassword.StandardOutput);
        Assert.DoesNotContain(new NpgsqlConnectionStringBuilder(cluster.ConnectionString).Password!, readPassword.StandardOutput, StringComparison.Ordinal);
    }

    private static Task<ProcessResult> AsNobodyAsync(IReadOnlyList<string> command, CancellationToken ct) =>
        ProcessRunner.RunAsync("runuser", ["-u", "nobody", "--", .. command], TimeSpan.FromSeconds(30), ct);

    private static async Task AssertRefusedAsync(string connectionString, string? password, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Password = password, Pooling = false };
        var error = await Assert.ThrowsAnyAsync<NpgsqlException>(async () => await ScalarAsync<int>(builder.ConnectionString, "SELECT 1", ct));
        Assert.True(
            error is PostgresException { SqlState: PostgresErrorCodes.InvalidPassword } || error.Message.Contains("password", StringComparison.OrdinalIgnoreCase),
            error.ToString());
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}
