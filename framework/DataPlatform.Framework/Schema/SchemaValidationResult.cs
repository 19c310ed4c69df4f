namespace DataPlatform.Framework.Schema;

/// <summary>The outcome of <see cref="SchemaDeployer.ValidateAsync"/>: every difference between the database and the model.</summary>
/// <param name="Differences">The differences in deploy order; empty when the database matches the model.</param>
public sealed record SchemaValidationResult(IReadOnlyList<SchemaDifference> Differences)
{
    /// <summary>Whether the database matches the model.</summary>
    public bool IsValid => Differences.Count == 0;

    /// <summary>Whether some difference is <see cref="SchemaChange.Invalid"/>, so deploy would stop.</summary>
    public bool HasInvalidChanges => Differences.Any(d => d.Change == SchemaChange.Invalid);

    /// <summary>The SQL that would fix every difference, in deploy order, each preceded by a comment naming it.</summary>
    public string FixSql => SchemaScript.Render(Differences);
}
