
namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>The SQL a transform run executes, as <see cref="Framework.Transforms.TransformRunner.BuildAsync{TSource, TTarget}"/> reports it.</summary>
/// <param name="PassQuery">The SELECT EF Core generated for the rows that pass the rules (rules + map).</param>
/// <param name="StageStatement">The CREATE TEMPORARY TABLE … AS statement staging the pass query's rows.</param>
/// <param name="WriteStatement">The INSERT/upsert statement writing the staged rows.</param>
/// <param name="QuarantineStatement">The statement writing quarantined rows, or null when the transform has no rules.</param>
internal sealed record TransformSqlPlan(string PassQuery, string StageStatement, string WriteStatement, string? QuarantineStatement);
