using DataPlatform.Framework.Mixins;
using DataPlatform.Framework.Transforms;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>An SCD type 2 dimension as its model describes it: natural key, validity columns.</summary>
internal sealed class Scd2Dimension
{
    private Scd2Dimension(TargetTable table, IReadOnlyList<TargetColumn> naturalKey, TargetColumn validFrom, TargetColumn validTo, TargetColumn isCurrent)
    {
        Table = table;
        NaturalKey = naturalKey;
        ValidFrom = validFrom;
        ValidTo = validTo;
        IsCurrent = isCurrent;
    }

    public TargetTable Table { get; }

    public IReadOnlyList<TargetColumn> NaturalKey { get; }

    public TargetColumn ValidFrom { get; }

    public TargetColumn ValidTo { get; }

    public TargetColumn IsCurrent { get; }

    public IEnumerable<TargetColumn> Validity => [ValidFrom, ValidTo, IsCurrent];

    public static Scd2Dimension For(TargetTable table, Scd2Options options)
    {
        var validFrom = table.Column(options.ValidFromProperty);
        var validTo = table.Column(options.ValidToProperty);
        var isCurrent = table.Column(options.IsCurrentProperty);
        IReadOnlyList<TargetColumn> key;
        if (options.NaturalKey is { Count: > 0 })
        {
            key = options.NaturalKey.Select(table.Column).ToList();
        }
        else if (table.EntityType.FindAnnotation(MixinAnnotations.NaturalKey)?.Value is string natural && natural.Length > 0)
        {
            key = natural.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(table.Column).ToList();
        }
        else
        {
            var index = table.EntityType.GetIndexes().FirstOrDefault(i => i.IsUnique && i.GetFilter()?.Contains(isCurrent.Column, StringComparison.Ordinal) == true)
                ?? throw new TransformBuildException(
                    $"{table.DisplayName}: no natural key for the SCD2 merge. Declare it with HasScd2NaturalKey(...) or a unique index filtered on {isCurrent.Column}.");
            key = index.Properties.Select(p => table.Column(p.Name)).ToList();
        }

        return new Scd2Dimension(table, key, validFrom, validTo, isCurrent);
    }
}
