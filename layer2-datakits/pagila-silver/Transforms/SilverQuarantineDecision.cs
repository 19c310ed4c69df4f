namespace DataPlatform.Datakits.Pagila.Silver.Transforms;

/// <summary>One quarantine decision: which transform rejected which key by which rule (the facts both paths must agree on).</summary>
internal sealed record SilverQuarantineDecision(string Transform, string Key, string Rule);
