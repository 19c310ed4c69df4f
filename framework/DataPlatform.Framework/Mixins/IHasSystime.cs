namespace DataPlatform.Framework.Mixins;

/// <summary>The <c>systime</c> column shared by the mixins: when the row last changed in this database (UTC, set by the database).</summary>
public interface IHasSystime
{
    /// <summary>When the row last changed in this database. UTC; defaulted and bumped by the database.</summary>
    DateTime Systime { get; set; }
}
