namespace DataPlatform.Framework.Mixins;

/// <summary>
/// Soft delete of <see cref="IReferenceData"/> rows. Reference rows are never deleted: deleting one means setting
/// <c>inactivated_date</c> (the BulkDataLoader's sync mode does the same for keys missing from the source), and
/// reactivating it means clearing it. Queries for current data filter on <c>inactivated_date IS NULL</c>.
/// </summary>
public static class ReferenceDataExtensions
{
    /// <summary>Whether the row is active (not soft-deleted).</summary>
    public static bool IsActive(this IReferenceData row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.InactivatedDate is null;
    }

    /// <summary>Soft-deletes the row: sets <see cref="IReferenceData.InactivatedDate"/> to <paramref name="at"/> (default: now, UTC) unless it is already inactive.</summary>
    public static void Inactivate(this IReferenceData row, DateTime? at = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.InactivatedDate ??= DateTime.SpecifyKind(at ?? DateTime.UtcNow, DateTimeKind.Utc);
    }

    /// <summary>Reactivates a soft-deleted row.</summary>
    public static void Reactivate(this IReferenceData row)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.InactivatedDate = null;
    }
}
