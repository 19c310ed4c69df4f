using DotNet.Testcontainers.Configurations;

namespace DataPlatform.Testing;

/// <summary>Whether a Docker engine answers, decided by Testcontainers' own endpoint discovery, bounded in time.</summary>
internal static class DockerProbe
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(15);

    public static bool IsDockerAvailable()
    {
        // Without DOCKER_HOST, a Testcontainers properties file or a Docker socket there is nothing to ask: answer at once.
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var candidates = new[]
        {
            "/var/run/docker.sock",
            Path.Combine(home, ".docker", "run", "docker.sock"),
            Path.Combine(home, ".docker", "desktop", "docker.sock"),
            Path.Combine(home, ".testcontainers.properties"),
            Path.Combine(Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") ?? "/nonexistent", "docker.sock"),
        };
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST"))
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE"))
            && !OperatingSystem.IsWindows()
            && !candidates.Any(File.Exists))
        {
            return false;
        }

        // Testcontainers pings each candidate endpoint; never let a dead endpoint hold the test run.
        var probe = Task.Run(() => TestcontainersSettings.OS.DockerEndpointAuthConfig is not null);
        try
        {
            return probe.Wait(s_timeout) && probe.Result;
        }
        catch (AggregateException)
        {
            return false;
        }
    }
}
