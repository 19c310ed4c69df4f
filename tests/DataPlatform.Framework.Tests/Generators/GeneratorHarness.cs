using System.Collections.Immutable;
using DataPlatform.Framework.Generators;
using DataPlatform.Framework.Mixins;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DataPlatform.Framework.Tests.Generators;

/// <summary>Runs <see cref="BronzeOfGenerator"/> over one source text compiled against the framework, as a datakit would be.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<MetadataReference[]> s_references = new(() =>
        [
            .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p)),
            MetadataReference.CreateFromFile(typeof(BronzeOfAttribute).Assembly.Location),
        ]);

    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static GeneratorRun Run(string source)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(
            Compile(source), out var output, out var generatorDiagnostics, TestContext.Current.CancellationToken);
        var result = driver.GetRunResult();
        return new GeneratorRun(
            result.GeneratedTrees.ToDictionary(t => Path.GetFileName(t.FilePath), t => t.ToString(), StringComparer.Ordinal),
            generatorDiagnostics,
            output.GetDiagnostics(TestContext.Current.CancellationToken));
    }

    /// <summary>Runs the generator, then again after adding an unrelated file; returns the model step's output reasons on the second run.</summary>
    public static IReadOnlyList<IncrementalStepRunReason> RerunAfterUnrelatedEdit(string source)
    {
        var compilation = Compile(source);
        var driver = CreateDriver().RunGenerators(compilation, TestContext.Current.CancellationToken);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Shop.Other { internal static class Unrelated { } }", s_parseOptions));
        driver = driver.RunGenerators(edited, TestContext.Current.CancellationToken);
        return [.. driver.GetRunResult().Results.Single().TrackedSteps[BronzeOfGenerator.ModelStep]
            .SelectMany(step => step.Outputs)
            .Select(o => o.Reason)];
    }

    private static CSharpCompilation Compile(string source) =>
        CSharpCompilation.Create(
            "Shop.Bronze",
            [CSharpSyntaxTree.ParseText(source, s_parseOptions)],
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new BronzeOfGenerator().AsSourceGenerator()],
            parseOptions: s_parseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
}

/// <summary>What one generator run produced: sources by hint name, the generator's diagnostics and the compiled output's.</summary>
internal sealed record GeneratorRun(
    IReadOnlyDictionary<string, string> Sources,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> CompilationDiagnostics);
