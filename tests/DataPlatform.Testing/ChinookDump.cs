namespace DataPlatform.Testing;

/// <summary>
/// The real Chinook dump (<c>chinook.sql</c>, upstream v1.4.5 without its database-level lines), never copied into the
/// repository: found via <c>DATAPLATFORM_CHINOOK_DIR</c>, else in <c>shared/chinook</c> under any ancestor of the test binaries.
/// </summary>
internal static class ChinookDump
{
    public const string DirectoryVariable = "DATAPLATFORM_CHINOOK_DIR";
    private const string FileName = "chinook.sql";

    public static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var file = Path.Combine(configured, FileName);
            return File.Exists(file) ? Path.GetFullPath(file) : throw new FileNotFoundException($"{DirectoryVariable} is '{configured}', but {FileName} is not there.");
        }

        for (var current = new DirectoryInfo(AppContext.BaseDirectory); current is not null; current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, "shared", "chinook", FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"The Chinook dump ({FileName}) was not found. Put the shared/ folder beside the repository (<repo>/../shared/chinook) or set {DirectoryVariable}.");
    }
}
