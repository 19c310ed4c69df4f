namespace DataPlatform.Framework.Schema;

/// <summary>One difference between the live database and the model, with the SQL that would fix it.</summary>
/// <param name="Change">The classification: <see cref="SchemaChange.Create"/> and <see cref="SchemaChange.Update"/> are applied by deploy, <see cref="SchemaChange.Invalid"/> stops it.</param>
/// <param name="Kind">The kind of object.</param>
/// <param name="ObjectName">The object's qualified name, e.g. <c>sl__pagila.customer.email</c>.</param>
/// <param name="Description">What differs, in words.</param>
/// <param name="Sql">The SQL that brings the object in line with the model (identifiers quoted).</param>
public sealed record SchemaDifference(SchemaChange Change, SchemaObjectKind Kind, string ObjectName, string Description, string Sql)
{
    /// <inheritdoc />
    public override string ToString() => $"[{Change}] {Kind} {ObjectName}: {Description}";
}
