namespace DataPlatform.Datakits.Pagila.Gold.Transforms;

/// <summary>Reads the embedded <c>.sql</c> resources of the escape-hatch query entities (kept next to their classes).</summary>
internal static class EmbeddedSql
{
    public static string Load(string fileName)
    {
        var assembly = typeof(EmbeddedSql).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
