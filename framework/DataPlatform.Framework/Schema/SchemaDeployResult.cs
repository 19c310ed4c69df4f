namespace DataPlatform.Framework.Schema;

/// <summary>The outcome of <see cref="SchemaDeployer.DeployAsync"/>.</summary>
/// <param name="Applied">The differences deploy applied, in the order it applied them; empty when nothing changed.</param>
public sealed record SchemaDeployResult(IReadOnlyList<SchemaDifference> Applied)
{
    /// <summary>Whether deploy changed the database.</summary>
    public bool HasChanges => Applied.Count > 0;

    /// <summary>The SQL deploy ran.</summary>
    public string Sql => SchemaScript.Render(Applied);
}
