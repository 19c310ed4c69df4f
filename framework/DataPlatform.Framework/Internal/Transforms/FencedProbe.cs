namespace DataPlatform.Framework.Internal.Transforms;

/// <summary>
/// A <see cref="QuarantineProbe{TSource}"/> cast to this type before the classification pass maps it. EF Core's navigation
/// expansion moves a Select past a Skip and inlines it into the next Select, which would repeat the rules in every member;
/// a cast to a type the selected probe is not makes it apply the Select first, so the next Skip can push the classified
/// rows into a sub-query. Only SQL is generated from it: no row is ever materialized as this type.
/// </summary>
internal sealed class FencedProbe<TSource> : QuarantineProbe<TSource>;
