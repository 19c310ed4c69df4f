namespace DataPlatform.Hosting.Embedded;

/// <summary>
/// The run lock of one pipeline on the embedded default, taken before the cluster is started or adopted: an exclusive
/// lock on <c>&lt;home&gt;/&lt;pipeline&gt;.run.lock</c> (flock on Unix), released when the file is closed, which the
/// operating system does for a killed process too. A second run of the same warehouse then stops before touching the
/// cluster, instead of adopting it and finding the database lock taken.
/// </summary>
internal sealed class EmbeddedRunLock : IDisposable
{
    private readonly FileStream _file;

    private EmbeddedRunLock(FileStream file) => _file = file;

    /// <summary>Takes the lock, or returns null when another process (or another run in this one) holds it.</summary>
    public static EmbeddedRunLock? TryAcquire(string homeDirectory, string pipeline)
    {
        Directory.CreateDirectory(homeDirectory);
        try
        {
            return new EmbeddedRunLock(new FileStream(
                Path.Combine(homeDirectory, pipeline + ".run.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
