using System.Reflection;

namespace DataPlatform.Framework.Datakits;

/// <summary>Reads a datakit's embedded text resources (DDL scripts, the SQL of documented escape hatches).</summary>
public static class EmbeddedText
{
    /// <summary>The embedded resource of <paramref name="assembly"/> whose name ends with <c>.</c><paramref name="fileName"/>.</summary>
    /// <exception cref="InvalidOperationException">No resource, or more than one, has that name.</exception>
    public static string Read(Assembly assembly, string fileName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        var names = assembly.GetManifestResourceNames().Where(n => n.EndsWith("." + fileName, StringComparison.Ordinal)).ToList();
        if (names.Count != 1)
        {
            throw new InvalidOperationException($"{assembly.GetName().Name} embeds {names.Count} resources named {fileName}; expected one.");
        }

        using var stream = assembly.GetManifestResourceStream(names[0])!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
