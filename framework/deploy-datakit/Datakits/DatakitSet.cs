namespace DataPlatform.DeployDatakit.Datakits;

/// <summary>The datakits loaded for one command; disposing it removes the folders packages were extracted to.</summary>
internal sealed class DatakitSet(IReadOnlyList<LoadedDatakit> datakits, IReadOnlyList<string> temporaryDirectories) : IDisposable
{
    public IReadOnlyList<LoadedDatakit> Datakits { get; } = datakits;

    public void Dispose()
    {
        foreach (var directory in temporaryDirectories)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; never fail a command over it.
            }
            catch (UnauthorizedAccessException)
            {
                // Same as above.
            }
        }
    }
}
