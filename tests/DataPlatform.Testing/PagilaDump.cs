namespace DataPlatform.Testing;

/// <summary>
/// The real Pagila dump (<c>pagila-schema.sql</c> + <c>pagila-data.sql</c>), never copied into the repository: found via
/// <c>DATAPLATFORM_PAGILA_DIR</c>, else in <c>shared/pagila</c> under any ancestor of the test binaries (the repository
/// and <c>shared/</c> sit side by side, e.g. <c>/work/main</c> and <c>/work/shared</c>).
/// </summary>
internal sealed class PagilaDump
{
    public const string DirectoryVariable = "DATAPLATFORM_PAGILA_DIR";
    private const string SchemaFileName = "pagila-schema.sql";
    private const string DataFileName = "pagila-data.sql";

    private PagilaDump(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    public string SchemaFile => Path.Combine(Directory, SchemaFileName);

    public string DataFile => Path.Combine(Directory, DataFileName);

    public static PagilaDump Locate() => Locate(Environment.GetEnvironmentVariable(DirectoryVariable), AppContext.BaseDirectory);

    internal static PagilaDump Locate(string? configuredDirectory, string startDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configuredDirectory))
        {
            return IsComplete(configuredDirectory)
                ? new PagilaDump(Path.GetFullPath(configuredDirectory))
                : throw new FileNotFoundException(
                    $"{DirectoryVariable} is '{configuredDirectory}', but {SchemaFileName} and {DataFileName} are not both there.");
        }

        var searched = new List<string>();
        for (var current = new DirectoryInfo(startDirectory); current is not null; current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, "shared", "pagila");
            searched.Add(candidate);
            if (IsComplete(candidate))
            {
                return new PagilaDump(candidate);
            }
        }

        throw new FileNotFoundException(
            $"The Pagila dump ({SchemaFileName}, {DataFileName}) was not found. Put the shared/ folder beside the repository "
            + $"(<repo>/../shared/pagila) or set {DirectoryVariable} to the folder holding the two files. Searched: "
            + string.Join(", ", searched));
    }

    private static bool IsComplete(string directory) =>
        File.Exists(Path.Combine(directory, SchemaFileName)) && File.Exists(Path.Combine(directory, DataFileName));
}
