using NuGet.Frameworks;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Versioning;

namespace DataPlatform.DeployDatakit.Datakits;

/// <summary>
/// The packages a datakit package needs from its folder: its declared dependencies (for net10.0), and theirs, that are
/// present there as <c>.nupkg</c> files, the highest version satisfying each range. Nothing else in the folder is opened
/// beyond its nuspec. Dependencies not in the folder (the framework, Npgsql, EF Core) come with the tool itself.
/// </summary>
internal static class PackageDependencies
{
    private static readonly NuGetFramework s_target = NuGetFramework.Parse("net10.0");

    public static IReadOnlyList<string> Resolve(string package)
    {
        var folder = Path.GetDirectoryName(package)!;
        var available = Directory.EnumerateFiles(folder, "*.nupkg")
            .Select(Path.GetFullPath)
            .Where(p => !string.Equals(p, package, StringComparison.Ordinal))
            .Select(p => (Path: p, Identity: TryReadIdentity(p)))
            .Where(p => p.Identity is not null)
            .ToList();
        var resolved = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ReadIdentity(package).Id };
        var pending = new Queue<string>([package]);
        while (pending.Count > 0)
        {
            foreach (var dependency in DependenciesOf(pending.Dequeue()))
            {
                if (!seen.Add(dependency.Id))
                {
                    continue;
                }

                var match = available
                    .Where(a => string.Equals(a.Identity!.Id, dependency.Id, StringComparison.OrdinalIgnoreCase) && dependency.VersionRange.Satisfies(a.Identity.Version))
                    .OrderByDescending(a => a.Identity!.Version)
                    .Select(a => a.Path)
                    .FirstOrDefault();
                if (match is not null)
                {
                    resolved.Add(match);
                    pending.Enqueue(match);
                }
            }
        }

        return resolved;
    }

    private static IEnumerable<PackageDependency> DependenciesOf(string package)
    {
        using var reader = new PackageArchiveReader(package);
        var groups = reader.NuspecReader.GetDependencyGroups().ToList();
        var nearest = new FrameworkReducer().GetNearest(s_target, groups.Select(g => g.TargetFramework));
        return groups.Where(g => nearest is null ? g.TargetFramework.IsAny : g.TargetFramework.Equals(nearest)).SelectMany(g => g.Packages).ToList();
    }

    private static PackageIdentity ReadIdentity(string package)
    {
        try
        {
            using var reader = new PackageArchiveReader(package);
            return reader.GetIdentity();
        }
        catch (Exception exception) when (exception is InvalidDataException or PackagingException or IOException)
        {
            throw new DatakitLoadException($"'{package}' is not a valid NuGet package: {exception.Message}", exception);
        }
    }

    // A sibling that cannot be read is simply not a candidate: only the named package and its dependencies matter.
    private static PackageIdentity? TryReadIdentity(string package)
    {
        try
        {
            return ReadIdentity(package);
        }
        catch (DatakitLoadException)
        {
            return null;
        }
    }
}
