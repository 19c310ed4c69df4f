namespace DataPlatform.Framework.Mixins;

/// <summary>
/// Business entities with audit columns: <c>created_at</c> (set once, immutable), <c>updated_at</c> (bumped on
/// every change) and <c>systime</c>. The database keeps them: defaults on insert and a row trigger on update.
/// </summary>
public interface ITransactionalData : IHasSystime
{
    /// <summary>When the row was created. UTC; never changes after insert.</summary>
    DateTime CreatedAt { get; set; }

    /// <summary>When the row last changed. UTC; bumped by the database on every update that changes the row.</summary>
    DateTime UpdatedAt { get; set; }
}
