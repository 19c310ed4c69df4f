
namespace DataPlatform.Framework.Transforms;

/// <summary>A source row that failed a rule (in-memory result; the in-server path writes the same facts to <c>dataplatform.quarantine</c>).</summary>
/// <param name="Key">The row's key members joined by <c>|</c>.</param>
/// <param name="Rule">The first rule the row failed.</param>
/// <param name="Message">The rule's message.</param>
/// <param name="Row">The source row.</param>
public sealed record QuarantinedRow<TSource>(string Key, string Rule, string Message, TSource Row);
