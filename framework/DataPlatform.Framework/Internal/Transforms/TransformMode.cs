
namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>How the in-server path writes the transform's rows into the target table.</summary>
internal enum TransformMode
{
    /// <summary>Insert every row (append); a key collision fails the run.</summary>
    Insert,

    /// <summary>
    /// Insert new keys and update existing rows whose values differ (<c>ON CONFLICT … DO UPDATE … WHERE … IS DISTINCT FROM</c>);
    /// equal rows are left untouched. The key is <see cref="TransformRunOptions.KeyProperties"/>, else the natural key
    /// annotation, else the single alternate key of a surrogate-keyed table, else the primary key.
    /// </summary>
    Upsert,
}
