using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DataPlatform.Framework.Generators;

/// <summary>
/// Reads a <c>[BronzeOf(typeof(Source), key…, Exclude = […])]</c> class into a <see cref="BronzeEntityModel"/>: one
/// property per public read/write instance property of the source type (base types first, then declaration order), less
/// the excluded ones. Keys keep their type; other value types become nullable; reference types become nullable-annotated;
/// enums become <c>string?</c> (bronze stores an enum's label as text).
/// </summary>
internal static class BronzeOfModelBuilder
{
    private static readonly SymbolDisplayFormat s_typeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat s_crefFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithGenericsOptions(SymbolDisplayGenericsOptions.None);

    public static BronzeEntityModel? Build(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol target || context.Attributes.Length == 0)
        {
            return null;
        }

        var attribute = context.Attributes[0];
        if (attribute.ConstructorArguments.Length < 1 || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol source
            || source.TypeKind == TypeKind.Error)
        {
            // typeof(...) does not bind: the compiler reports that already.
            return null;
        }

        var attributeLocation = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? Location.None;
        var sourceName = source.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        var diagnostics = new List<DiagnosticInfo>();

        var declaration = (TypeDeclarationSyntax)context.TargetNode;
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(DiagnosticInfo.Create(BronzeOfDiagnostics.NotPartial, declaration.Identifier.GetLocation(), target.Name, sourceName));
        }

        var keys = attribute.ConstructorArguments.Length > 1 ? Strings(attribute.ConstructorArguments[1]) : [];
        var excluded = attribute.NamedArguments.Where(a => a.Key == "Exclude").SelectMany(a => Strings(a.Value)).ToList();
        var properties = ReadWriteProperties(source);
        var byName = properties.ToDictionary(p => p.Name, System.StringComparer.Ordinal);

        if (keys.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(BronzeOfDiagnostics.MissingKey, attributeLocation, target.Name, sourceName));
        }

        foreach (var key in keys.Where(k => !byName.ContainsKey(k)))
        {
            diagnostics.Add(DiagnosticInfo.Create(BronzeOfDiagnostics.UnknownKey, attributeLocation, key, sourceName));
        }

        foreach (var name in excluded.Where(e => !byName.ContainsKey(e)))
        {
            diagnostics.Add(DiagnosticInfo.Create(BronzeOfDiagnostics.UnknownExclude, attributeLocation, name, sourceName));
        }

        foreach (var name in excluded.Where(keys.Contains))
        {
            diagnostics.Add(DiagnosticInfo.Create(BronzeOfDiagnostics.ExcludedKey, attributeLocation, name));
        }

        var generated = new List<BronzePropertyModel>();
        foreach (var property in properties.Where(p => !excluded.Contains(p.Name)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!IsSupported(property.Type))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    BronzeOfDiagnostics.UnsupportedType,
                    attributeLocation,
                    property.Name,
                    sourceName,
                    property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
                continue;
            }

            generated.Add(Mirror(property, isKey: keys.Contains(property.Name)));
        }

        return new BronzeEntityModel(
            HintName(target),
            target.ContainingNamespace.IsGlobalNamespace ? null : target.ContainingNamespace.ToDisplayString(),
            new EquatableArray<string>([.. ContainingTypes(target).Select(Header)]),
            Header(target),
            new EquatableArray<BronzePropertyModel>([.. generated]),
            new EquatableArray<DiagnosticInfo>([.. diagnostics]));
    }

    private static BronzePropertyModel Mirror(IPropertySymbol property, bool isKey)
    {
        var cref = property.ContainingType.ToDisplayString(s_crefFormat) + "." + property.Name;
        var type = property.Type;
        var underlying = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : type;

        if (underlying.TypeKind == TypeKind.Enum)
        {
            // A key keeps its nullability; the label of a non-nullable enum key is a non-nullable string.
            return isKey && SymbolEqualityComparer.Default.Equals(underlying, type)
                ? new BronzePropertyModel("string", property.Name, cref, InitializeDefault: true)
                : new BronzePropertyModel("string?", property.Name, cref, InitializeDefault: false);
        }

        if (isKey)
        {
            var keyType = type.ToDisplayString(s_typeFormat);
            var needsDefault = type.IsReferenceType && type.NullableAnnotation != NullableAnnotation.Annotated;
            return new BronzePropertyModel(keyType, property.Name, cref, needsDefault);
        }

        var nullableType = type.IsValueType
            ? underlying.ToDisplayString(s_typeFormat) + "?"
            : type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(s_typeFormat).TrimEnd('?') + "?";
        return new BronzePropertyModel(nullableType, property.Name, cref, InitializeDefault: false);
    }

    private static bool IsSupported(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Error or TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Dynamic or TypeKind.TypeParameter } => false,
        { IsRefLikeType: true } => false,
        IArrayTypeSymbol array => array.ElementType.TypeKind != TypeKind.Enum && IsSupported(array.ElementType),
        _ => true,
    };

    // Base types first, then each type's properties in declaration order; an override keeps its base's position.
    private static List<IPropertySymbol> ReadWriteProperties(INamedTypeSymbol source)
    {
        var chain = new Stack<INamedTypeSymbol>();
        for (var type = source; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
        {
            chain.Push(type);
        }

        var properties = new List<IPropertySymbol>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var type in chain)
        {
            foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
            {
                if (property is { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, RefKind: RefKind.None }
                    && property.GetMethod is { DeclaredAccessibility: Accessibility.Public }
                    && property.SetMethod is { DeclaredAccessibility: Accessibility.Public }
                    && seen.Add(property.Name))
                {
                    properties.Add(property);
                }
            }
        }

        return properties;
    }

    private static List<string> Strings(TypedConstant constant) =>
        constant.Kind == TypedConstantKind.Array
            ? [.. constant.Values.Select(v => v.Value as string).Where(v => v is not null).Select(v => v!)]
            : constant.Value is string single ? [single] : [];

    private static IEnumerable<INamedTypeSymbol> ContainingTypes(INamedTypeSymbol target)
    {
        var outer = new Stack<INamedTypeSymbol>();
        for (var type = target.ContainingType; type is not null; type = type.ContainingType)
        {
            outer.Push(type);
        }

        return outer;
    }

    private static string Header(INamedTypeSymbol type)
    {
        var keyword = (type.TypeKind, type.IsRecord) switch
        {
            (TypeKind.Struct, true) => "record struct",
            (TypeKind.Struct, false) => "struct",
            (TypeKind.Interface, _) => "interface",
            (_, true) => "record",
            _ => "class",
        };
        var parameters = type.TypeParameters.Length == 0 ? string.Empty : "<" + string.Join(", ", type.TypeParameters.Select(p => p.Name)) + ">";
        return "partial " + keyword + " " + type.Name + parameters;
    }

    private static string HintName(INamedTypeSymbol target)
    {
        var name = target.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted)
            .WithGenericsOptions(SymbolDisplayGenericsOptions.None));
        var arity = target.TypeParameters.Length == 0 ? string.Empty : "_" + target.TypeParameters.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return name + arity + ".BronzeOf.g.cs";
    }
}
