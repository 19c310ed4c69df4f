using DataPlatform.Framework.TestData;

namespace DataPlatform.Datakits.Pagila.Source.Generation;

/// <summary>What <see cref="PagilaSourceLoader.LoadAsync"/> loaded.</summary>
/// <param name="RowsLoaded">Rows inserted per table name.</param>
/// <param name="Report">The bad rows the generator planted.</param>
public sealed record PagilaSourceLoadResult(IReadOnlyDictionary<string, long> RowsLoaded, DirtyReport<DefectKind> Report);
