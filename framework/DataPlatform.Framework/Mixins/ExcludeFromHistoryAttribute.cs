namespace DataPlatform.Framework.Mixins;

/// <summary>Keeps a column of an <see cref="ITemporalData"/> entity out of its history table and out of change detection.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ExcludeFromHistoryAttribute : Attribute;
