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

    [Theory]
    [InlineData("local", PostgresServerSource.LocalCluster)]
    [InlineData("LOCAL", PostgresServerSource.LocalCluster)]
    [InlineData("testcontainers", PostgresServerSource.Testcontainers)]
    [InlineData("env", PostgresServerSource.Environment)]
    public void A_required_source_is_the_only_path_considered(string required, PostgresServerSource expected)
    {
        var source = PostgresServerResolver.Resolve("Host=db;Username=postgres", required, () => true, () => true);

        Assert.Equal(expected, source);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("auto")]
    public void Without_a_required_source_the_usual_order_holds(string? required)
    {
        var source = PostgresServerResolver.Resolve(null, required, () => true, () => throw new InvalidOperationException("binaries probed"));

        Assert.Equal(PostgresServerSource.Testcontainers, source);
    }

    [Theory]
    [InlineData("env", "DATAPLATFORM_TEST_PG is not set")]
    [InlineData("testcontainers", "no Docker engine answers")]
    [InlineData("local", "apt-get install postgresql")]
    [InlineData("docker", "use 'env', 'testcontainers' or 'local'")]
    public void A_required_source_that_is_missing_or_unknown_fails_and_never_falls_back(string required, string message)
    {
        var exception = Assert.Throws<PostgresServerUnavailableException>(
            () => PostgresServerResolver.Resolve(null, required, () => false, () => false));

        Assert.Contains(message, exception.Message);
    }

    [Theory]
    [InlineData(null, PostgresServerSource.LocalCluster)]
    [InlineData("", PostgresServerSource.Testcontainers)]
    [InlineData("testcontainers", PostgresServerSource.Testcontainers)]
    [InlineData("local", PostgresServerSource.LocalCluster)]
    [InlineData("env", PostgresServerSource.Environment)]
    public void The_expected_path_passes_when_it_was_chosen(string? expected, PostgresServerSource actual) =>
        PostgresServerResolver.CheckExpectation(expected, actual);

    [Theory]
    [InlineData("testcontainers", PostgresServerSource.LocalCluster, "DATAPLATFORM_EXPECT_PG=testcontainers, but the tests chose 'local'")]
    [InlineData("local", PostgresServerSource.Testcontainers, "DATAPLATFORM_EXPECT_PG=local, but the tests chose 'testcontainers'")]
    [InlineData("env", PostgresServerSource.LocalCluster, "DATAPLATFORM_EXPECT_PG=env, but the tests chose 'local'")]
    [InlineData("containers", PostgresServerSource.Testcontainers, "DATAPLATFORM_EXPECT_PG is 'containers'")]
    public void Another_path_than_the_expected_one_fails(string expected, PostgresServerSource actual, string message)
    {
        var exception = Assert.Throws<PostgresServerUnavailableException>(() => PostgresServerResolver.CheckExpectation(expected, actual));

        Assert.Contains(message, exception.Message);
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
