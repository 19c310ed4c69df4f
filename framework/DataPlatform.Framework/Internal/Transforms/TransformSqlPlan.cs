
namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>The SQL a transform run executes, as <see cref="Framework.Transforms.TransformRunner.BuildAsync{TSource, TTarget}"/> reports it.</summary>
/// <param name="PassQuery">The SELECT EF Core generated for the rows that pass the rules (rules + map).</param>
/// <param name="ClassifyStatement">
/// The CREATE TEMPORARY TABLE … AS statement classifying and mapping every input row once, or null when the transform has no rules.
/// </param>
/// <param name="QuarantineStatement">The statement writing the classified rows that fail a rule, or null when the transform has no rules.</param>
/// <param name="StageStatement">
/// The CREATE TEMPORARY TABLE … AS statement staging the passing rows: of the classified rows, else of the pass query.
/// </param>
/// <param name="WriteStatement">The statements writing the staged rows (see <see cref="WriteSql"/>), as one script.</param>
internal sealed record TransformSqlPlan(string PassQuery, string? ClassifyStatement, string? QuarantineStatement, string StageStatement, string WriteStatement);
