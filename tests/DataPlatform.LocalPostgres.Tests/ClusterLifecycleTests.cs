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
}
