using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataPlatform.Framework.Generators;

/// <summary>
/// Generates the properties of bronze entities declared as
/// <c>[BronzeOf(typeof(Source.Film), nameof(Source.Film.FilmId))] public sealed partial class Film : BronzeRecord;</c>:
/// the source contract's columns, nullable except the key. The base class (bronze metadata) is the user's declaration.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class BronzeOfGenerator : IIncrementalGenerator
{
    /// <summary>The attribute's metadata name; it lives in the framework assembly.</summary>
    public const string AttributeName = "DataPlatform.Framework.Mixins.BronzeOfAttribute";

    /// <summary>The tracking name of the entity-model step (tests check that an unrelated edit leaves it cached).</summary>
    public const string ModelStep = "BronzeEntityModel";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var entities = context.SyntaxProvider.ForAttributeWithMetadataName(
                AttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (syntax, cancellationToken) => BronzeOfModelBuilder.Build(syntax, cancellationToken))
            .Where(static model => model is not null)
            .WithTrackingName(ModelStep);

        context.RegisterSourceOutput(entities, static (output, model) =>
        {
            if (model!.Diagnostics.Items.Length > 0)
            {
                foreach (var diagnostic in model.Diagnostics)
                {
                    output.ReportDiagnostic(diagnostic.ToDiagnostic());
                }

                return;
            }

            output.AddSource(model.HintName, BronzeOfEmitter.Emit(model));
        });
    }
}
