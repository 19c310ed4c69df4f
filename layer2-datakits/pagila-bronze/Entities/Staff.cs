using DataPlatform.Framework.Mixins;

namespace DataPlatform.Datakits.Pagila.Bronze.Entities;

/// <summary>
/// An extracted version of a <c>public.staff</c> row. There is deliberately no <c>password</c>: secrets never leave the
/// source (the extractor does not even select the column).
/// </summary>
[BronzeOf(typeof(Source.Entities.Staff), nameof(Source.Entities.Staff.StaffId), Exclude = [nameof(Source.Entities.Staff.Password)])]
public sealed partial class Staff : BronzeRecord;
