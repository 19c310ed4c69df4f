using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DataPlatform.Framework.Generators;

/// <summary>
/// A diagnostic as plain values: a <see cref="Diagnostic"/> or <see cref="Location"/> holds syntax trees, which would
/// keep the incremental pipeline from caching (and keep old compilations alive).
/// </summary>
internal sealed record DiagnosticInfo(string Id, string FilePath, TextSpan Span, LinePositionSpan LineSpan, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location location, params string[] arguments)
    {
        var lineSpan = location.GetLineSpan();
        return new DiagnosticInfo(
            descriptor.Id,
            location.SourceTree?.FilePath ?? string.Empty,
            location.SourceSpan,
            lineSpan.Span,
            new EquatableArray<string>([.. arguments]));
    }

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(
            BronzeOfDiagnostics.Find(Id),
            Location.Create(FilePath, Span, LineSpan),
            [.. Arguments.Items]);
}
