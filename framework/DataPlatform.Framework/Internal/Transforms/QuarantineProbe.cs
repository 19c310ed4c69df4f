using DataPlatform.Framework.Transforms;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// The shape of a quarantined row as the transform selects it: the first failing rule and the whole source row. Not sealed:
/// the classification pass fences it as a <see cref="FencedProbe{TSource}"/>.
/// </summary>
internal class QuarantineProbe<TSource>
{
    /// <summary>The column name of the rule; the rest of the selected columns form the raw row.</summary>
    public const string RuleColumn = nameof(DpRule);

    public string? DpRule { get; set; }

    public TSource? Row { get; set; }
}
