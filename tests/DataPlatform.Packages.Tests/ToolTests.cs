using System.Text.RegularExpressions;
using DataPlatform.Datakits.Pagila.Silver;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Packages.Tests;

/// <summary>
/// The tools as a user installs them from the packed feed (their own NuGet packages folder): deploy-datakit as a local tool
/// loading a datakit package at run time, and the warehouse consoles run with <c>dotnet tool exec</c>.
/// </summary>
public sealed partial class ToolTests(PackedFeed feed)
{
    [Fact]
    public async Task Deploy_datakit_installs_as_a_local_tool_and_lists_the_tables_of_a_pagila_datakit_package()
    {
        var ct = TestContext.Current.CancellationToken;
        var work = feed.NewWorkDirectory("tool");
        var nuget = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(work, "packages") };
        try
        {
            await Command.SucceedAsync(work, "dotnet", ["new", "tool-manifest", "--debug:custom-hive", Path.Combine(work, "hive")], ct);
            await Command.SucceedAsync(
                work,
                "dotnet",
                ["tool", "install", "--local", "DataPlatform.DeployDatakit", "--version", feed.Version, "--add-source", feed.Directory],
                ct,
                nuget);

            // The silver package depends on the bronze and source packages: the tool finds them next to it in the feed.
            var silver = feed.Package("DataPlatform.Datakits.Pagila.Silver");
            var list = await Command.SucceedAsync(work, "dotnet", ["tool", "run", "deploy-datakit", "list", "--datakit", silver], ct, nuget);

            var listed = ListedRow().Matches(list.Output).Select(m => m.Groups["table"].Value).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(PagilaSilverTables(), listed);
            Assert.Contains("Loading dependency package", list.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Theory]
    [InlineData("DataPlatform.Warehouses.Pagila", "pagila-warehouse")]
    [InlineData("DataPlatform.Warehouses.Chinook", "chinook-warehouse")]
    public async Task A_warehouse_console_runs_with_dotnet_tool_exec(string package, string command)
    {
        var ct = TestContext.Current.CancellationToken;
        var work = feed.NewWorkDirectory("exec");
        var nuget = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(work, "packages") };
        try
        {
            var help = await Command.SucceedAsync(
                work,
                "dotnet",
                ["tool", "exec", $"{package}@{feed.Version}", "--add-source", feed.Directory, "--", "run", "--help"],
                ct,
                nuget);

            Assert.Contains($"{command} run [options]", help.Output, StringComparison.Ordinal);
            Assert.Contains("--data-dir", help.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    // The tables of the silver layer's model, built in-process from the project the package was packed from.
    private static List<string> PagilaSilverTables()
    {
        using var context = new PagilaSilverContext(new DbContextOptionsBuilder<PagilaSilverContext>().UseNpgsql().Options);
        return [.. context.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Order(StringComparer.Ordinal)];
    }

    // A row of the list table: │ pagila │ silver │ sl__pagila │ <table> │ <mixins> │ <history table> │
    [GeneratedRegex(@"^│\s*pagila\s*│\s*silver\s*│\s*sl__pagila\s*│\s*(?<table>[a-z_]+)\s*│", RegexOptions.Multiline)]
    private static partial Regex ListedRow();
}
