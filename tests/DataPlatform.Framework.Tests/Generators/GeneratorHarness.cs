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

    public static GeneratorRun Run(string source)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var compilation = CSharpCompilation.Create(
            "Shop.Bronze",
            [CSharpSyntaxTree.ParseText(source, parseOptions)],
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        GeneratorDriver driver = CSharpGeneratorDriver.Create([new BronzeOfGenerator().AsSourceGenerator()], parseOptions: parseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics, TestContext.Current.CancellationToken);
        var result = driver.GetRunResult();
        return new GeneratorRun(
            result.GeneratedTrees.ToDictionary(t => Path.GetFileName(t.FilePath), t => t.ToString(), StringComparer.Ordinal),
            generatorDiagnostics,
            output.GetDiagnostics(TestContext.Current.CancellationToken));
    }
}

/// <summary>What one generator run produced: sources by hint name, the generator's diagnostics and the compiled output's.</summary>
internal sealed record GeneratorRun(
    IReadOnlyDictionary<string, string> Sources,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> CompilationDiagnostics);
