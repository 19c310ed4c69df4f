namespace DataPlatform.Framework.Generators;

/// <summary>
/// What one <c>[BronzeOf]</c> class gets generated: its place (namespace, containing types, declaration header) and its
/// properties, or the diagnostics that stop generation. Plain values only, so the incremental pipeline can cache it.
/// </summary>
internal sealed record BronzeEntityModel(
    string HintName,
    string? Namespace,
    EquatableArray<string> ContainingTypeHeaders,
    string TypeHeader,
    EquatableArray<BronzePropertyModel> Properties,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>One generated property: its type as written, its name, the source property its docs come from, and whether it needs <c>= default!</c>.</summary>
internal sealed record BronzePropertyModel(string Type, string Name, string DocumentationCref, bool InitializeDefault);
