namespace DataPlatform.LocalPostgres;

/// <summary>A persistent cluster kept in the relocation root instead of the directory it was wanted in (see <see cref="RelocatedClusters"/>).</summary>
public sealed class RelocatedCluster
{
    internal RelocatedCluster(string directory, string? preferredDirectory)
    {
        Directory = directory;
        PreferredDirectory = preferredDirectory;
    }

    /// <summary>Where the cluster lives, e.g. <c>/var/lib/dataplatform/clusters/myrepo-0123456789ab</c>.</summary>
    public string Directory { get; }

    /// <summary>
    /// The directory the cluster was wanted in (e.g. <c>/root/myrepo/.dataplatform/cluster</c>), as recorded when it was
    /// placed; <see langword="null"/> for a cluster placed before placements were recorded.
    /// </summary>
    public string? PreferredDirectory { get; }
}
