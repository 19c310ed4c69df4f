namespace DataPlatform.Framework.Schema;

/// <summary>
/// Thrown by <see cref="SchemaDeployer.DeployAsync"/> when the database differs from the model in a way deploy does not
/// fix on its own (<see cref="SchemaChange.Invalid"/>). Nothing was changed; the message lists each difference and its SQL.
/// </summary>
public sealed class SchemaDriftException : Exception
{
    /// <summary>Creates the exception for the given differences.</summary>
    public SchemaDriftException(IReadOnlyList<SchemaDifference> differences)
        : base(BuildMessage(differences))
    {
        Differences = differences;
    }

    /// <summary>Creates the exception with a message (for serializers and tests).</summary>
    public SchemaDriftException(string message)
        : base(message)
    {
        Differences = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public SchemaDriftException(string message, Exception innerException)
        : base(message, innerException)
    {
        Differences = [];
    }

    /// <summary>Creates the exception without details.</summary>
    public SchemaDriftException()
        : this("The database differs from the model in a way deploy does not change on its own.")
    {
    }

    /// <summary>All differences found, including the <see cref="SchemaChange.Invalid"/> ones that stopped deploy.</summary>
    public IReadOnlyList<SchemaDifference> Differences { get; }

    private static string BuildMessage(IReadOnlyList<SchemaDifference> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        var invalid = differences.Where(d => d.Change == SchemaChange.Invalid).ToList();
        return $"Deploy stopped without changing anything: {invalid.Count} difference(s) need a person's decision "
            + "(deploy never drops or rewrites data). Review and run this SQL, then deploy again:\n"
            + SchemaScript.Render(invalid);
    }
}
