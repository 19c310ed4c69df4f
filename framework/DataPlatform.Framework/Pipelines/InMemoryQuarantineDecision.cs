
namespace DataPlatform.Framework.Pipelines;

/// <summary>One in-memory quarantine decision: which transform rejected which key by which rule (the facts both paths agree on).</summary>
/// <param name="Transform">The transform name.</param>
/// <param name="Key">The row key (key members joined by <c>|</c>).</param>
/// <param name="Rule">The first rule the row failed.</param>
public sealed record InMemoryQuarantineDecision(string Transform, string Key, string Rule);
