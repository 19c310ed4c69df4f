using System.Linq.Expressions;

namespace DataPlatform.Framework.Transforms;

/// <summary>A named hard rule of a transform: rows for which <see cref="Passes"/> is false go to quarantine.</summary>
/// <param name="Name">The rule name written to the quarantine table, e.g. <c>blank_title</c>.</param>
/// <param name="Passes">The condition a good row satisfies.</param>
/// <param name="Message">A human-readable explanation written to the quarantine table.</param>
public sealed record TransformRule<TSource>(string Name, Expression<Func<TSource, bool>> Passes, string Message);
