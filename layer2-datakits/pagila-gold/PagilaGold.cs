using DataPlatform.Datakits.Pagila.Gold.Transforms;
using DataPlatform.Datakits.Pagila.Silver;
using DataPlatform.Framework.Calendar;
using DataPlatform.Framework.Datakits;
using DataPlatform.Framework.Pipelines;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Datakits.Pagila.Gold;

/// <summary>The Pagila gold layer as the pipeline runs it: silver → the star schema of DESIGN.md §5 in <c>gl__pagila</c>.</summary>
public static class PagilaGold
{
    /// <summary>
    /// Dimensions before the facts that look up their keys; the facts mirror the live silver rows that pass their rules
    /// (a deleted rental or payment loses its fact); days outside the new calendar range go last, after the facts that
    /// referenced them. One transaction with the ledger rows; a rerun over unchanged silver changes nothing.
    /// </summary>
    public static TransformLayer Layer { get; } = TransformLayer.For<PagilaGoldContext>("gold")
        .ReadsFrom<PagilaSilverContext>()
        .WithCalendar(EmbeddedText.Read(typeof(PagilaGold).Assembly, "CalendarDates.sql"))
        .WithReadModel(modelBuilder =>
        {
            var categoryNames = modelBuilder.Entity<FilmCategoryNames>();
            categoryNames.HasNoKey().ToSqlQuery(FilmCategoryNames.Sql);
            categoryNames.Property(e => e.FilmId).HasColumnName("film_id");
            categoryNames.Property(e => e.Names).HasColumnName("names");
        })
        .Upsert(new DimDateTransform())
        .Scd2(new DimCustomerTransform())
        .Upsert(new DimFilmTransform())
        .Upsert(new DimStoreTransform())
        .Upsert(new DimStaffTransform())
        .Upsert(new FactRentalTransform(), removeMissing: true)
        .Upsert(new FactPaymentTransform(), removeMissing: true)
        .RemoveMissing(new DimDateTransform());
}
