using System.Linq;
using Microsoft.CodeAnalysis;

namespace DataPlatform.Framework.Generators;

/// <summary>The errors <see cref="BronzeOfGenerator"/> reports; nothing is generated for an entity that has one.</summary>
internal static class BronzeOfDiagnostics
{
    private const string Category = "DataPlatform.Bronze";

    public static readonly DiagnosticDescriptor NotPartial = new(
        "DP1001",
        "A [BronzeOf] class must be partial",
        "'{0}' has [BronzeOf], so it must be declared partial: its properties are generated from '{1}'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownKey = new(
        "DP1002",
        "Source key is not a property of the source type",
        "Source key '{0}' is not a public read/write instance property of '{1}'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnknownExclude = new(
        "DP1003",
        "Excluded name is not a property of the source type",
        "Exclude names '{0}', which is not a public read/write instance property of '{1}'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedType = new(
        "DP1004",
        "Source property type cannot be mirrored in bronze",
        "'{1}.{0}' has type '{2}', which a bronze entity cannot mirror; leave it out with Exclude = [nameof({1}.{0})]",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MissingKey = new(
        "DP1005",
        "Bronze source key is missing",
        "'{0}' names no source key: pass the key properties of '{1}' after the source type",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ExcludedKey = new(
        "DP1006",
        "Source key property is excluded",
        "'{0}' is part of the source key, so it cannot be excluded",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor[] s_all = [NotPartial, UnknownKey, UnknownExclude, UnsupportedType, MissingKey, ExcludedKey];

    public static DiagnosticDescriptor Find(string id) => s_all.First(d => d.Id == id);
}
