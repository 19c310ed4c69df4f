namespace DataPlatform.Framework.Pipelines;

/// <summary>How big and how dirty a generated source is.</summary>
/// <param name="Scale">Size: 1 is about the real system's row counts, 10 is ten times that.</param>
/// <param name="DirtyRate">Share of deliberately bad rows per defect kind, 0 to 1.</param>
/// <param name="Seed">The random seed: the same options give the same rows.</param>
public sealed record SyntheticSourceOptions(double Scale, double DirtyRate, int Seed);
