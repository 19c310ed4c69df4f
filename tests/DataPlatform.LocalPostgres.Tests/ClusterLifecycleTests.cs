using System.Globalization;
using DataPlatform.LocalPostgres;
using Npgsql;

namespace DataPlatform.LocalPostgres.Tests;

/// <summary>How the local cluster's tools are stopped and how a running cluster is adopted.</summary>
public sealed class ClusterLifecycleTests
{
    [Fact]
    public async Task A_timed_out_tool_gets_SIGTERM_and_time_to_end_before_SIGKILL()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"dp-sigterm-{Guid.NewGuid():N}");
        try
        {
            var error = await Assert.ThrowsAsync<LocalPostgresException>(() => ProcessRunner.RunAsync(
                "sh", ["-c", $"trap 'echo term > {marker}; exit 0' TERM; sleep 30 & wait"], TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken));

            Assert.Contains("did not finish", error.Message, StringComparison.Ordinal);
            Assert.Equal("term", (await File.ReadAllTextAsync(marker, TestContext.Current.CancellationToken)).Trim());
        }
        finally
        {
            File.Delete(marker);
        }
    }

    [Fact]
    public async Task A_running_cluster_is_adopted_on_the_port_its_postmaster_pid_names()
    {
        var ct = TestContext.Current.CancellationToken;
        var directory = Directory.CreateTempSubdirectory("dp-adopt-cluster-").FullName;
        try
        {
            var options = new LocalPostgresClusterOptions { DisableDurability = true, StopWhenProcessExits = false };
            await using var first = LocalPostgresCluster.CreatePersistent(directory, options);
            await first.StartAsync(ct);
            await File.WriteAllTextAsync(Path.Combine(directory, "port"), "1", ct);

            await using var adopted = LocalPostgresCluster.CreatePersistent(directory, options);
            await adopted.StartAsync(ct);

            Assert.Equal(first.Port, adopted.Port);
            await using (var connection = new NpgsqlConnection(adopted.ConnectionString))
            {
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand("SELECT current_setting('port')", connection);
                Assert.Equal(first.Port.ToString(CultureInfo.InvariantCulture), await command.ExecuteScalarAsync(ct));
            }

            await first.StopAsync(ct);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_half_written_first_initialization_is_discarded_and_the_next_start_creates_a_whole_cluster()
    {
        var ct = TestContext.Current.CancellationToken;
        var directory = Directory.CreateTempSubdirectory("dp-staged-initdb-").FullName;
        try
        {
            // What a first start killed during initdb leaves: a staging directory that already has PG_VERSION.
            var staging = Path.Combine(directory, "data.initdb");
            Directory.CreateDirectory(Path.Combine(staging, "base"));
            await File.WriteAllTextAsync(Path.Combine(staging, "PG_VERSION"), "15\n", ct);

            await using var cluster = LocalPostgresCluster.CreatePersistent(directory, new LocalPostgresClusterOptions { DisableDurability = true });
            await cluster.StartAsync(ct);

            Assert.False(Directory.Exists(staging));
            Assert.True(File.Exists(Path.Combine(cluster.DataDirectory, "global", "pg_control")));
            await using (var connection = new NpgsqlConnection(cluster.ConnectionString))
            {
                await connection.OpenAsync(ct);
            }

            await cluster.StopAsync(ct);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_data_directory_without_PG_VERSION_is_left_alone_with_a_clear_error()
    {
        var directory = Directory.CreateTempSubdirectory("dp-foreign-data-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, "data"));
            await File.WriteAllTextAsync(Path.Combine(directory, "data", "notes.txt"), "mine", TestContext.Current.CancellationToken);

            await using var cluster = LocalPostgresCluster.CreatePersistent(directory);
            var error = await Assert.ThrowsAsync<LocalPostgresException>(() => cluster.StartAsync(TestContext.Current.CancellationToken));

            Assert.Contains("no PG_VERSION", error.Message, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(directory, "data", "notes.txt")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
