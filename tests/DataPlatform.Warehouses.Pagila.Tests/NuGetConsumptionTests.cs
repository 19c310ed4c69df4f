using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DataPlatform.Testing;
using DataPlatform.Warehouses.Pagila.Tests.Infrastructure;

namespace DataPlatform.Warehouses.Pagila.Tests;

/// <summary>
/// The warehouse builds and runs from the packed packages alone: scripts/pack.sh packs the framework, the local
/// PostgreSQL and host packages and the four datakits (fresh version suffix) into a temp feed; a copy of the warehouse sources gets a project file with
/// PackageReferences to those packages instead of ProjectReferences, its own nuget.config and packages folder (the
/// global cache is only read, as a fallback folder, never written), and no central package management. It is built
/// and run against a test database.
/// </summary>
public sealed partial class NuGetConsumptionTests(PostgresServer server)
{
    private static readonly string[] s_packages =
    [
        "DataPlatform.Framework",
        "DataPlatform.LocalPostgres",
        "DataPlatform.Hosting",
        "DataPlatform.Datakits.Pagila.Source",
        "DataPlatform.Datakits.Pagila.Bronze",
        "DataPlatform.Datakits.Pagila.Silver",
        "DataPlatform.Datakits.Pagila.Gold",
    ];

    [Fact]
    public async Task The_warehouse_builds_from_the_packed_packages_and_loads_gold()
    {
        var ct = TestContext.Current.CancellationToken;
        var repo = RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("dp-nuget-").FullName;
        await using var warehouse = await server.CreateDatabaseAsync("wh_nuget", ct);
        try
        {
            var feed = Path.Combine(work, "feed");
            var pack = await ProcessAsync("bash", [Path.Combine(repo, "scripts", "pack.sh"), "--output", feed, "--artifacts-path", Path.Combine(work, "pack-build")], repo, ct);
            Assert.True(pack.ExitCode == 0, pack.Output);
            var version = pack.StandardOutput.Trim().Split('\n')[^1].Trim();
            Assert.Matches(VersionPattern(), version);
            foreach (var package in s_packages)
            {
                Assert.True(File.Exists(Path.Combine(feed, $"{package}.{version}.nupkg")), $"{package} {version} was not packed");
            }

            var app = Path.Combine(work, "app");
            CopySources(Path.Combine(repo, "layer3-warehouses", "pagila-warehouse"), app);
            WriteProject(app, version);
            WriteNuGetConfig(work, feed);

            var build = await ProcessAsync(
                "dotnet", ["build", Path.Combine(app, "pagila-warehouse.csproj"), "-c", "Release", "--nologo", "-v", "quiet", $"-p:RestorePackagesPath={Path.Combine(work, "packages")}"], work, ct);
            Assert.True(build.ExitCode == 0, build.Output);
            Assert.True(Directory.Exists(Path.Combine(work, "packages", "dataplatform.framework", version)), "the packages were not restored from the local feed");

            var run = await ProcessAsync(
                "dotnet", [Path.Combine(app, "bin", "Release", "net10.0", "pagila-warehouse.dll"), "run", "--warehouse", warehouse.ConnectionString, "--source", "synthetic", "--scale", "0.1", "--dirty-rate", "0"], work, ct);
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Equal(1_000L, await warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.dim_film", ct));
            Assert.True(await warehouse.ScalarAsync<long>("SELECT count(*) FROM gl__pagila.fact_rental", ct) > 1_000);
        }
        finally
        {
            await DropSiblingSourceAsync(warehouse, ct);
            Directory.Delete(work, recursive: true);
        }
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+-ci\.\d{14}$")]
    private static partial Regex VersionPattern();

    private static void CopySources(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal) || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }

    private static void WriteProject(string app, string version)
    {
        // Third-party packages (System.CommandLine, Spectre.Console, ...) come with DataPlatform.Hosting's dependencies.
        var references = s_packages.Select(p => new XElement("PackageReference", new XAttribute("Include", p), new XAttribute("Version", version)));
        var project = new XElement(
            "Project",
            new XAttribute("Sdk", "Microsoft.NET.Sdk"),
            new XElement(
                "PropertyGroup",
                new XElement("OutputType", "Exe"),
                new XElement("TargetFramework", "net10.0"),
                new XElement("AssemblyName", "pagila-warehouse"),
                new XElement("RootNamespace", "DataPlatform.Warehouses.Pagila"),
                new XElement("Nullable", "enable"),
                new XElement("ImplicitUsings", "enable"),
                new XElement("LangVersion", "latest"),
                new XElement("ManagePackageVersionsCentrally", "false"),
                new XElement("RestoreFallbackFolders", GlobalPackagesFolder())),
            new XElement("ItemGroup", references));
        project.Save(Path.Combine(app, "pagila-warehouse.csproj"));

        // Stop MSBuild from picking up props of any parent directory.
        File.WriteAllText(Path.Combine(app, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(app, "Directory.Packages.props"), "<Project />");
    }

    private static void WriteNuGetConfig(string work, string feed) =>
        new XElement(
            "configuration",
            new XElement(
                "packageSources",
                new XElement("clear"),
                new XElement("add", new XAttribute("key", "local"), new XAttribute("value", feed)),
                new XElement("add", new XAttribute("key", "nuget.org"), new XAttribute("value", "https://api.nuget.org/v3/index.json"))),
            new XElement(
                "packageSourceMapping",
                new XElement("packageSource", new XAttribute("key", "local"), new XElement("package", new XAttribute("pattern", "DataPlatform.*"))),
                new XElement("packageSource", new XAttribute("key", "nuget.org"), new XElement("package", new XAttribute("pattern", "*")))))
            .Save(Path.Combine(work, "nuget.config"));

    private static string GlobalPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

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

    private static async Task DropSiblingSourceAsync(TestDatabase warehouse, CancellationToken ct)
    {
        await using var admin = Npgsql.NpgsqlDataSource.Create(
            new Npgsql.NpgsqlConnectionStringBuilder(warehouse.ConnectionString) { Database = "postgres" }.ConnectionString);
        await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{warehouse.Name}_pagila_source\" WITH (FORCE)");
        await drop.ExecuteNonQueryAsync(ct);
    }

    private static async Task<(int ExitCode, string Output, string StandardOutput)> ProcessAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, CancellationToken ct)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["CI"] = "true";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment.Remove("DATAPLATFORM_WAREHOUSE");
        startInfo.Environment.Remove("DATAPLATFORM_SOURCE");
        startInfo.Environment.Remove("MSBuildExtensionsPath");
        startInfo.Environment.Remove("MSBUILD_EXE_PATH");
        startInfo.Environment.Remove("MSBuildSDKsPath");
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, (await stdout) + (await stderr), await stdout);
    }
}
