using System.Text.RegularExpressions;

namespace DataPlatform.Packages.Tests;

/// <summary>
/// The packages a user gets from <c>scripts/pack.sh</c>, packed once for the test assembly into a temporary feed (its own
/// build folder, so the repository's bin/obj and artifacts/ are untouched). Every pack has a fresh version suffix, so no
/// NuGet cache can serve an older build of it; the tests still restore DataPlatform packages into folders of their own
/// (third-party packages are read from the machine's global packages folder), so the user's cache is never written.
/// </summary>
public sealed partial class PackedFeed : IAsyncLifetime
{
    private readonly string _root =
        CreateReachableDirectory(Path.Combine(Path.GetTempPath(), "dp-packages-" + Guid.NewGuid().ToString("N")[..8]));

    /// <summary>The folder holding the packed .nupkg files.</summary>
    public string Directory => Path.Combine(_root, "feed");

    /// <summary>The version of every package in <see cref="Directory"/>, e.g. <c>0.1.0-ci.20261207120000</c>.</summary>
    public string Version { get; private set; } = string.Empty;

    /// <summary>The machine's NuGet global packages folder: a read-only fallback for third-party packages.</summary>
    public static string GlobalPackagesFolder =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public async ValueTask InitializeAsync()
    {
        var repository = RepositoryRoot();
        var pack = await Command.SucceedAsync(
            repository,
            "bash",
            [Path.Combine(repository, "scripts", "pack.sh"), "--output", Directory, "--artifacts-path", Path.Combine(_root, "pack-build")],
            TestContext.Current.CancellationToken);
        Version = pack.Output.Trim().Split('\n')[^1].Trim();
        Assert.Matches(VersionPattern(), Version);
    }

    public ValueTask DisposeAsync()
    {
        System.IO.Directory.Delete(_root, recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>The path of a packed package; fails when pack.sh did not pack it.</summary>
    public string Package(string id)
    {
        var path = Path.Combine(Directory, $"{id}.{Version}.nupkg");
        Assert.True(File.Exists(path), $"scripts/pack.sh packed no {id} {Version}");
        return path;
    }

    /// <summary>
    /// A new empty folder for one test, with the default mode (not CreateTempSubdirectory's 0700), so that when the tests run
    /// as root the PostgreSQL server's account can reach an embedded cluster inside it.
    /// </summary>
    public string NewWorkDirectory(string name) =>
        CreateReachableDirectory(Path.Combine(_root, name + "-" + Guid.NewGuid().ToString("N")[..6]));

    private static string CreateReachableDirectory(string path) => System.IO.Directory.CreateDirectory(path).FullName;

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DataPlatform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("DataPlatform.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+-ci\.\d{14}$")]
    private static partial Regex VersionPattern();
}
