namespace DataPlatform.Framework.Mixins;

/// <summary>
/// Reference (lookup) data with soft delete: <c>inactivated_date</c> (NULL while active) and <c>systime</c>
/// (when the row last changed in this database). Deleting means setting <see cref="InactivatedDate"/>.
/// </summary>
public interface IReferenceData : IHasSystime
{
    /// <summary>When the row was soft-deleted; NULL while the row is active. UTC.</summary>
    DateTime? InactivatedDate { get; set; }
}
