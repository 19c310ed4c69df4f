using System.Text.Json;
using System.Text.RegularExpressions;
using DataPlatform.LocalPostgres;

namespace DataPlatform.Packages.Tests;

/// <summary>
/// The template workflow of the README, as a user runs it against the packed feed: install DataPlatform.Templates into a
/// temporary dotnet new hive, create a datakit (non-default source schema) and its warehouse next to a nuget.config naming
/// the feed, build them with warnings as errors, run the generated tests (against the PostgreSQL DataPlatform.Testing
/// picks, the same way as this repository's tests), and run the warehouse once on the embedded default.
/// </summary>
public sealed partial class TemplateTests(PackedFeed feed)
{
    private static readonly string[] s_projects =
    [
        "shop-source/Shop.Datakits.Source.csproj",
        "shop-bronze/Shop.Datakits.Bronze.csproj",
        "shop-silver/Shop.Datakits.Silver.csproj",
        "shop-gold/Shop.Datakits.Gold.csproj",
        "shop-tests/Shop.Datakits.Tests.csproj",
        "shop-warehouse/Shop.Warehouse.csproj",
    ];

    [Fact]
    public async Task A_new_datakit_and_warehouse_build_without_warnings_pass_their_tests_and_load_gold_on_the_embedded_default()
    {
        var ct = TestContext.Current.CancellationToken;
        var work = feed.NewWorkDirectory("template");
        var hive = Path.Combine(work, "hive");
        var app = Directory.CreateDirectory(Path.Combine(work, "shop")).FullName;
        var home = Directory.CreateDirectory(Path.Combine(work, "home")).FullName;
        try
        {
            await DotnetAsync(work, ct, "new", "install", feed.Package("DataPlatform.Templates"), "--debug:custom-hive", hive);
            await DotnetAsync(app, ct, "new", "nugetconfig", "--debug:custom-hive", hive);
            await DotnetAsync(app, ct, "nuget", "add", "source", feed.Directory, "--name", "dataplatform", "--configfile", "nuget.config");
            await DotnetAsync(app, ct, "new", "dataplatform-datakit", "-n", "Shop", "--source-schema", "sales", "--debug:custom-hive", hive);
            await DotnetAsync(app, ct, "new", "dataplatform-warehouse", "-n", "Shop", "--debug:custom-hive", hive);

            AssertGeneratedTree(app);

            await DotnetAsync(app, ct, "new", "sln", "-n", "Shop", "--debug:custom-hive", hive);
            var solution = Directory.EnumerateFiles(app, "Shop.sln*").Single();
            await DotnetAsync(app, ct, ["sln", solution, "add", .. s_projects]);
            // DataPlatform packages restore into a folder of the test; third-party ones are read from the global folder.
            var packages = Path.Combine(work, "packages");
            await DotnetAsync(
                app,
                ct,
                "build",
                solution,
                "-warnaserror",
                "--nologo",
                $"-p:RestorePackagesPath={packages}",
                $"-p:RestoreFallbackFolders={PackedFeed.GlobalPackagesFolder}");
            Assert.True(Directory.Exists(Path.Combine(packages, "dataplatform.hosting", feed.Version)), "the DataPlatform packages were not restored from the feed");

            var test = await DotnetAsync(app, ct, "test", solution, "--no-build", "--nologo");
            Assert.Matches(TestSummary(), test.Output);

            var run = await DotnetAsync(
                app, ct, "run", "--project", "shop-warehouse", "--no-build", "--", "run", "--data-dir", home, "--no-progress", "--output", "json");
            var written = JsonDocument.Parse(run.Output).RootElement.GetProperty("tables").EnumerateArray().ToDictionary(
                t => $"{t.GetProperty("layer").GetString()} {t.GetProperty("table").GetString()}",
                t => t.GetProperty("rows_written").GetInt64());
            Assert.Equal(1_000, written["bronze customer"]);
            Assert.True(written["gold dim_customer"] > 0, run.ToString());
            Assert.Equal(written["silver customer"], written["gold dim_customer"]);
            Assert.False(File.Exists(Path.Combine(home, "cluster", "data", "postmaster.pid")), "the run left its cluster running");
        }
        finally
        {
            await StopLeftClusterAsync(home);
            Directory.Delete(work, recursive: true);
        }
    }

    private static Task<ProcessResult> DotnetAsync(string workingDirectory, CancellationToken ct, params string[] arguments) =>
        Command.SucceedAsync(workingDirectory, "dotnet", arguments, ct);

    // Five datakit projects and the warehouse, every placeholder replaced, and the DataPlatform packages referenced at the
    // version of the pack the templates came from.
    private void AssertGeneratedTree(string app)
    {
        foreach (var project in s_projects)
        {
            Assert.True(File.Exists(Path.Combine(app, project)), $"{project} was not generated");
        }

        foreach (var file in Directory.EnumerateFiles(app, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "nuget.config"))
        {
            Assert.DoesNotMatch(Placeholder(), Path.GetRelativePath(app, file) + "\n" + File.ReadAllText(file));
        }

        AssertReferences(Path.Combine(app, s_projects[0]), "DataPlatform.Framework");
        AssertReferences(Path.Combine(app, s_projects[4]), "DataPlatform.Testing");
        AssertReferences(Path.Combine(app, s_projects[5]), "DataPlatform.Hosting");
        Assert.Contains(
            """[assembly: Datakit("shop", DatakitLayer.Bronze, typeof(ShopBronzeContext), SourceSchema = "sales")]""",
            File.ReadAllText(Path.Combine(app, "shop-bronze", "ShopBronzeContext.cs")),
            StringComparison.Ordinal);
    }

    private void AssertReferences(string project, string package) =>
        Assert.Contains($"<PackageReference Include=\"{package}\" Version=\"{feed.Version}\" />", File.ReadAllText(project), StringComparison.Ordinal);

    private static async Task StopLeftClusterAsync(string home)
    {
        var cluster = Path.Combine(home, "cluster");
        if (File.Exists(Path.Combine(cluster, "data", "postmaster.pid")))
        {
            await using var left = LocalPostgresCluster.CreatePersistent(cluster, new LocalPostgresClusterOptions { StopWhenProcessExits = false });
            await left.StopAsync(CancellationToken.None);
        }
    }

    [GeneratedRegex("acme|SOURCE_SCHEMA|DATAKITS_DIRECTORY|0\\.0\\.0-|@PackageVersion@", RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"Failed:\s+0, Passed:\s+[1-9]\d*,")]
    private static partial Regex TestSummary();
}
