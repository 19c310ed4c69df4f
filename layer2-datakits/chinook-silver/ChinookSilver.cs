using DataPlatform.Datakits.Chinook.Bronze;
using DataPlatform.Datakits.Chinook.Silver.Transforms;
using DataPlatform.Framework.Pipelines;

namespace DataPlatform.Datakits.Chinook.Silver;

/// <summary>The Chinook silver layer as the pipeline runs it: bronze → <c>sl__chinook</c>, parents before children.</summary>
public static class ChinookSilver
{
    /// <summary>
    /// The 11 tables in dependency order (so a child of a quarantined row is quarantined too), each applied from its bronze
    /// table: the latest not-yet-applied bronze row per key, cleaned, source deletes becoming soft deletes. One transaction
    /// with the ledger rows.
    /// </summary>
    public static TransformLayer Layer { get; } = TransformLayer.For<ChinookSilverContext>("silver")
        .ReadsFrom<ChinookBronzeContext>()
        .Apply(new ArtistTransform())
        .Apply(new AlbumTransform())
        .Apply(new GenreTransform())
        .Apply(new MediaTypeTransform())
        .Apply(new TrackTransform())
        .Apply(new PlaylistTransform())
        .Apply(new PlaylistTrackTransform())
        .Apply(new EmployeeTransform())
        .Apply(new CustomerTransform())
        .Apply(new InvoiceTransform())
        .Apply(new InvoiceLineTransform());
}
