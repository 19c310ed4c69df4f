using System.IO.Compression;
using DataPlatform.Testing;

namespace DataPlatform.DeployDatakit.Tests;

// Loading a datakit from a .nupkg (built here by hand: lib/net10.0/*.dll plus a nuspec, as dotnet pack lays it out).
public sealed class DatakitPackageTests(PostgresServer server) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("deploy-datakit-packages-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_datakit_package_lists_deploys_and_validates()
    {
        var ct = TestContext.Current.CancellationToken;
        var package = Pack("DataPlatform.TestDatakit", CliRunner.TestDatakitPath);
        await using var database = await server.CreateDatabaseAsync("cli_nupkg", ct);

        var list = await CliRunner.RunAsync("list", "--datakit", package);
        var deploy = await CliRunner.RunAsync("deploy", "--datakit", package, "--connection", database.ConnectionString);
        var validate = await CliRunner.RunAsync("validate", "--datakit", package, "--connection", database.ConnectionString);

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("contract__history", list.Output, StringComparison.Ordinal);
        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.Equal(1L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'sl__testkit' AND table_name = 'contract__history'", ct));
    }

    [Fact]
    public async Task A_package_without_a_marker_or_a_broken_package_exits_1()
    {
        var notADatakit = Pack("DataPlatform.Testing", typeof(PostgresServer).Assembly.Location);
        var broken = Path.Combine(_folder, "Broken.1.0.0.nupkg");
        await File.WriteAllTextAsync(broken, "not a zip", TestContext.Current.CancellationToken);

        var noMarker = await CliRunner.RunAsync("list", "--datakit", notADatakit);
        var notZip = await CliRunner.RunAsync("list", "--datakit", broken);

        Assert.Equal(1, noMarker.ExitCode);
        Assert.Contains("no [assembly: Datakit", noMarker.Error, StringComparison.Ordinal);
        Assert.Equal(1, notZip.ExitCode);
        Assert.Contains("not a valid NuGet package", notZip.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_declared_dependencies_are_loaded_from_the_package_folder()
    {
        var dependency = Pack("Testkit.Dependency", typeof(PostgresServer).Assembly.Location);
        var unrelated = Pack("Unrelated.Package", typeof(Assert).Assembly.Location);
        var unreadable = Path.Combine(_folder, "Unreadable.1.0.0.nupkg");
        await File.WriteAllTextAsync(unreadable, "not a zip", TestContext.Current.CancellationToken);
        var package = Pack("DataPlatform.TestDatakit", CliRunner.TestDatakitPath, "<dependencies><group targetFramework=\"net10.0\"><dependency id=\"Testkit.Dependency\" version=\"0.0.1-a\" /></group></dependencies>");

        var list = await CliRunner.RunAsync("list", "--datakit", package, "--log-level", "Debug");
        var log = list.Output + list.Error;

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains($"Loading dependency package {dependency}", log, StringComparison.Ordinal);
        Assert.Contains($"Extracted {dependency}", log, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetFileName(unrelated), log, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetFileName(unreadable), log, StringComparison.Ordinal);
    }

    private string Pack(string id, string assemblyPath, string dependencies = "")
    {
        var version = $"0.0.1-t{Guid.NewGuid():N}"[..20];
        var package = Path.Combine(_folder, $"{id}.{version}.nupkg");
        using var archive = ZipFile.Open(package, ZipArchiveMode.Create);
        var nuspec = archive.CreateEntry($"{id}.nuspec");
        using (var writer = new StreamWriter(nuspec.Open()))
        {
            writer.Write($"""
                <?xml version="1.0" encoding="utf-8"?>
                <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
                  <metadata><id>{id}</id><version>{version}</version><authors>tests</authors><description>test datakit</description>{dependencies}</metadata>
                </package>
                """);
        }

        archive.CreateEntryFromFile(assemblyPath, $"lib/net10.0/{Path.GetFileName(assemblyPath)}");
        return package;
    }
}
