namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// Which rows count as changed since a step's previous run, as <c>age(xmin)</c> values (<see cref="RowVersions"/>): rows
/// written by the oldest transaction that run could not see, or by a later one (age at most <see cref="Age"/>), except those
/// the run wrote itself (age <see cref="OwnAge"/>).
/// </summary>
internal readonly record struct ChangeHorizon(int Age, int OwnAge);
