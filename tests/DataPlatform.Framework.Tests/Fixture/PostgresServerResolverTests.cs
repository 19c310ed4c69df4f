using DataPlatform.Testing;

namespace DataPlatform.Framework.Tests.Fixture;

public sealed class PostgresServerResolverTests
{
    [Fact]
    public void Environment_connection_string_wins_and_nothing_is_probed()
    {
        var source = PostgresServerResolver.Resolve(
            "Host=db;Username=postgres",
            () => throw new InvalidOperationException("docker probed"),
            () => throw new InvalidOperationException("binaries probed"));

        Assert.Equal(PostgresServerSource.Environment, source);
    }

    [Fact]
    public void Docker_is_preferred_over_local_binaries()
    {
        var source = PostgresServerResolver.Resolve(null, () => true, () => throw new InvalidOperationException("binaries probed"));

        Assert.Equal(PostgresServerSource.Testcontainers, source);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Without_environment_and_docker_the_local_cluster_is_chosen(string? environmentValue)
    {
        var source = PostgresServerResolver.Resolve(environmentValue, () => false, () => true);

        Assert.Equal(PostgresServerSource.LocalCluster, source);
    }

    [Fact]
    public void Nothing_available_fails_with_one_message_naming_the_three_options()
    {
        var exception = Assert.Throws<PostgresServerUnavailableException>(
            () => PostgresServerResolver.Resolve(null, () => false, () => false));

        Assert.Contains("DATAPLATFORM_TEST_PG", exception.Message);
        Assert.Contains("Docker", exception.Message);
        Assert.Contains("apt-get install postgresql", exception.Message);
    }

    [Fact]
    public void Docker_probe_answers_quickly_when_there_is_no_engine()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var available = DockerProbe.IsDockerAvailable();

        // On machines without an engine the probe must not hold the run; with an engine it must say so.
        Assert.True(available || watch.Elapsed < TimeSpan.FromSeconds(16), $"probe took {watch.Elapsed}");
    }
}
