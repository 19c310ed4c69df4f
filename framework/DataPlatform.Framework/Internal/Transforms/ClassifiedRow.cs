namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// The shape of an input row as the one classification pass selects it: the first failing rule, the whole source row, and
/// the mapped target row (its members set only when the row passes).
/// </summary>
internal sealed class ClassifiedRow<TSource, TTarget>
{
    public string? DpRule { get; set; }

    public TSource? Row { get; set; }

    public TTarget? Target { get; set; }
}
