using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>An extracted version of a <c>public.rental</c> row; source key <c>rental_id</c>.</summary>
[BronzeOf(typeof(Source.Entities.Rental), nameof(Source.Entities.Rental.RentalId))]
public sealed partial class Rental : BronzeRecord;
