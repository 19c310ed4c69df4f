namespace DataPlatform.LocalPostgres;

/// <summary>Settings of a <see cref="LocalPostgresCluster"/>.</summary>
public sealed class LocalPostgresClusterOptions
{
    /// <summary>Directory holding <c>initdb</c> and <c>pg_ctl</c>; <see langword="null"/> searches <c>PATH</c>, then <c>/usr/lib/postgresql/&lt;major&gt;/bin</c>.</summary>
    public string? BinDirectory { get; init; }

    /// <summary>
    /// Turns durability off (<c>fsync</c>, <c>synchronous_commit</c>, <c>full_page_writes</c>, and <c>initdb --no-sync</c>).
    /// Much faster; a crash of the machine can corrupt the cluster, which is fine for a throw-away cluster. Default: on.
    /// </summary>
    public bool DisableDurability { get; init; } = true;

    /// <summary>TCP port to listen on; <see langword="null"/> reuses the port recorded by an earlier start, else picks a free one.</summary>
    public int? Port { get; init; }

    /// <summary>Time limit of each <c>initdb</c>/<c>pg_ctl</c> call. Default: 2 minutes.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Stops the server (and, for an ephemeral cluster, deletes its directory) when this process ends without disposing the
    /// cluster: on normal process exit through a <c>ProcessExit</c> handler, and when the process is killed through a small
    /// detached watchdog shell process. Turn it off to leave a persistent cluster running for later processes. Default: on.
    /// </summary>
    public bool StopWhenProcessExits { get; init; } = true;

    /// <summary>Extra server settings passed as <c>-c name=value</c>, e.g. <c>("max_connections", "50")</c>.</summary>
    public IReadOnlyDictionary<string, string> ServerSettings { get; init; } = new Dictionary<string, string>();
}
