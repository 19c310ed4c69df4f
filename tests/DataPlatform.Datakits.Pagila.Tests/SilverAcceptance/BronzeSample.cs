namespace DataPlatform.Datakits.Pagila.Tests.SilverAcceptance;

/// <summary>
/// What the differential test runs over the extracted generated bronze batch before the transforms: nothing is trimmed
/// any more (the in-memory path compiles each transform once per run, so the whole generated batch, film_actor's
/// thousands of rows included, runs in seconds); the statistics are refreshed so the in-server plans match a real run.
/// </summary>
internal static class BronzeSample
{
    public static string Sql { get; } = "ANALYZE;";
}
