using System.Net.Sockets;
using DataPlatform.LocalPostgres;
using DataPlatform.Testing;
using Npgsql;

namespace DataPlatform.LocalPostgres.Tests;

public sealed class LocalPostgresClusterTests
{
    [Fact]
    public async Task An_ephemeral_cluster_is_gone_after_dispose()
    {
        var ct = TestContext.Current.CancellationToken;
        var logs = new ListLoggerProvider();
        using var loggerFactory = TestOutputLoggerFactory.Create(capture: logs);
        var cluster = LocalPostgresCluster.CreateEphemeral(loggerFactory: loggerFactory);
        int port;
        string directory;
        await using (cluster)
        {
            await cluster.StartAsync(ct);
            port = cluster.Port;
            directory = cluster.RootDirectory;
            Assert.True(cluster.IsRunning);
            Assert.True(File.Exists(Path.Combine(cluster.DataDirectory, "PG_VERSION")));
            var password = (await File.ReadAllTextAsync(cluster.PasswordFile, ct)).Trim();
            Assert.Equal(32, password.Length);
            Assert.Equal($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Password={password}", cluster.ConnectionString);

            await using var connection = new NpgsqlConnection(cluster.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("select current_setting('fsync') || ' ' || current_setting('server_version_num')", connection);
            var settings = (string)(await command.ExecuteScalarAsync(ct))!;
            Assert.StartsWith("off 15", settings);
        }

        Assert.False(cluster.IsRunning);
        Assert.False(Directory.Exists(directory));
        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(async () => await client.ConnectAsync("127.0.0.1", port, ct));
        Assert.Contains(logs.Entries, entry => entry.EventId.Id == 6002);
    }

    [Fact]
    public async Task A_persistent_cluster_keeps_its_data_and_port_across_restarts()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = Path.Combine(Path.GetTempPath(), "dp-persistent-" + Guid.NewGuid().ToString("N")[..8], "cluster");
        try
        {
            int port;
            await using (var cluster = LocalPostgresCluster.CreatePersistent(root, new LocalPostgresClusterOptions { DisableDurability = false }))
            {
                await cluster.StartAsync(ct);
                port = cluster.Port;

                // No pooling: the server is restarted on the same port, and a pooled connection would be a dead one.
                await using var connection = new NpgsqlConnection(cluster.ConnectionString + ";Pooling=false");
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand("create table kept (id int); insert into kept values (42); select current_setting('fsync')", connection);
                Assert.Equal("on", await command.ExecuteScalarAsync(ct));
            }

            Assert.True(File.Exists(Path.Combine(root, "data", "PG_VERSION")));
            Assert.False(File.Exists(Path.Combine(root, "data", "postmaster.pid")));

            await using (var cluster = LocalPostgresCluster.CreatePersistent(root))
            {
                await cluster.StartAsync(ct);
                Assert.Equal(port, cluster.Port);
                await using var connection = new NpgsqlConnection(cluster.ConnectionString + ";Pooling=false");
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand("select id from kept", connection);
                Assert.Equal(42, await command.ExecuteScalarAsync(ct));
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(root)!, recursive: true);
        }
    }

    [Fact]
    public async Task A_cluster_left_running_is_adopted_and_only_stopped_on_request()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = Path.Combine(Path.GetTempPath(), "dp-adopt-" + Guid.NewGuid().ToString("N")[..8]);
        var keepRunning = new LocalPostgresClusterOptions { StopWhenProcessExits = false };
        try
        {
            var starter = LocalPostgresCluster.CreatePersistent(root, keepRunning);
            await starter.StartAsync(ct);
            Assert.False(File.Exists(Path.Combine(root, "watchdog.lease")));

            await using (var adopter = LocalPostgresCluster.CreatePersistent(root, keepRunning))
            {
                await adopter.StartAsync(ct);
                Assert.True(adopter.IsRunning);
                Assert.Equal(starter.Port, adopter.Port);
            }

            // Disposing an instance that did not start the server leaves it running.
            await using (var connection = new NpgsqlConnection(starter.ConnectionString + ";Pooling=false"))
            {
                await connection.OpenAsync(ct);
            }

            await using var stopper = LocalPostgresCluster.CreatePersistent(root, keepRunning);
            await stopper.StartAsync(ct);
            await stopper.StopAsync(ct);
            Assert.False(stopper.IsRunning);
            Assert.False(File.Exists(Path.Combine(root, "data", "postmaster.pid")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Missing_binaries_fail_with_what_to_install()
    {
        var exception = Assert.Throws<PostgresBinariesNotFoundException>(() => PostgresBinaries.Locate("/nonexistent/bin"));

        Assert.Contains("apt-get install postgresql", exception.Message);
        Assert.Contains("DATAPLATFORM_TEST_PG", exception.Message);
    }

    [Fact]
    public void Installed_binaries_are_found_with_psql()
    {
        var binaries = PostgresBinaries.Locate();

        Assert.True(File.Exists(binaries.InitDb));
        Assert.True(File.Exists(binaries.PgCtl));
        Assert.NotNull(binaries.Psql);
    }
}
