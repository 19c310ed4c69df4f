using System.IO.Compression;
using System.Reflection;
using DataPlatform.Framework.Datakits;
using Microsoft.Extensions.Logging;

namespace DataPlatform.DeployDatakit.Datakits;

/// <summary>
/// Finds datakits through their assembly marker <c>[assembly: Datakit(system, layer, typeof(Context))]</c> (one
/// assembly may hold several). A path is either a built assembly (<c>.dll</c>; its dependencies are resolved from its
/// folder) or a NuGet package (<c>.nupkg</c>; its <c>lib/net10.0/*.dll</c> are extracted to a temp folder). Datakit
/// packages that depend on other datakits resolve them from the other <c>--datakit</c> values and from the packages of
/// their declared dependencies found in the same folder (<see cref="PackageDependencies"/>); no other file there is loaded.
/// </summary>
internal sealed partial class DatakitLoader(ILogger<DatakitLoader> logger)
{
    private const string LibFolder = "lib/net10.0/";

    public DatakitSet Load(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            throw new DatakitLoadException("Pass at least one --datakit <assembly .dll or .nupkg path>.");
        }

        var temporaryDirectories = new List<string>();
        try
        {
            var mainAssemblies = new List<(string Source, string Assembly)>();
            var probeDirectories = new List<string>();
            var extractedPackages = new HashSet<string>(StringComparer.Ordinal);
            foreach (var path in paths.Select(Path.GetFullPath))
            {
                if (!File.Exists(path))
                {
                    throw new DatakitLoadException($"Datakit '{path}' does not exist.");
                }

                if (path.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase))
                {
                    var directory = Extract(path, temporaryDirectories);
                    extractedPackages.Add(path);
                    probeDirectories.Add(directory);
                    var assemblyName = PackageAssemblyName(path, directory);
                    mainAssemblies.Add((path, Path.Combine(directory, assemblyName)));
                    foreach (var dependency in PackageDependencies.Resolve(path))
                    {
                        if (extractedPackages.Add(dependency))
                        {
                            LogDependency(dependency, path);
                            probeDirectories.Add(Extract(dependency, temporaryDirectories));
                        }
                    }
                }
                else if (path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                {
                    mainAssemblies.Add((path, path));
                    probeDirectories.Insert(0, Path.GetDirectoryName(path)!);
                }
                else
                {
                    throw new DatakitLoadException($"Datakit '{path}' is neither an assembly (.dll) nor a NuGet package (.nupkg).");
                }
            }

            var loadContext = new DatakitLoadContext(probeDirectories.Distinct(StringComparer.Ordinal).ToList());
            var datakits = new List<LoadedDatakit>();
            foreach (var (source, assemblyPath) in mainAssemblies)
            {
                Assembly assembly;
                try
                {
                    assembly = loadContext.LoadFromAssemblyPath(assemblyPath);
                }
                catch (Exception exception) when (exception is BadImageFormatException or FileLoadException or FileNotFoundException)
                {
                    throw new DatakitLoadException($"Cannot load '{assemblyPath}': {exception.Message}", exception);
                }

                var markers = ReadMarkers(assembly);
                if (markers.Count == 0)
                {
                    throw new DatakitLoadException(
                        $"'{source}' has no [assembly: Datakit(system, layer, typeof(Context))] marker, so it is not a datakit.");
                }

                foreach (var marker in markers)
                {
                    LogFound(marker.System, marker.Layer.ToString(), marker.ContextType.FullName, source);
                    datakits.Add(new LoadedDatakit(marker, source));
                }
            }

            return new DatakitSet(datakits, temporaryDirectories);
        }
        catch
        {
            new DatakitSet([], temporaryDirectories).Dispose();
            throw;
        }
    }

    private static List<DatakitAttribute> ReadMarkers(Assembly assembly)
    {
        try
        {
            return [.. assembly.GetCustomAttributes<DatakitAttribute>()];
        }
        catch (Exception exception) when (exception is FileNotFoundException or FileLoadException or TypeLoadException)
        {
            throw new DatakitLoadException(
                $"Cannot read the datakit markers of {assembly.GetName().Name}: {exception.Message} "
                + "(a dependency is missing: pass the datakits it depends on with more --datakit values, or put their .nupkg files next to it).",
                exception);
        }
    }

    private string Extract(string package, List<string> temporaryDirectories)
    {
        var directory = Path.Combine(Path.GetTempPath(), "deploy-datakit-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        temporaryDirectories.Add(directory);
        try
        {
            using var archive = ZipFile.OpenRead(package);
            foreach (var entry in archive.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                if (name.StartsWith(LibFolder, StringComparison.OrdinalIgnoreCase)
                    && name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                    && name.IndexOf('/', LibFolder.Length) < 0)
                {
                    entry.ExtractToFile(Path.Combine(directory, Path.GetFileName(name)), overwrite: true);
                }
            }
        }
        catch (InvalidDataException exception)
        {
            throw new DatakitLoadException($"'{package}' is not a valid NuGet package: {exception.Message}", exception);
        }

        LogExtracted(package, directory);
        return directory;
    }

    // The package id is the assembly name by convention (DataPlatform.Datakits.Pagila.Bronze.0.1.0.nupkg holds
    // DataPlatform.Datakits.Pagila.Bronze.dll); with a single dll the choice is obvious.
    private static string PackageAssemblyName(string package, string directory)
    {
        var dlls = Directory.GetFiles(directory, "*.dll").Select(Path.GetFileName).ToList();
        if (dlls.Count == 0)
        {
            throw new DatakitLoadException($"'{package}' has no {LibFolder}*.dll.");
        }

        var fileName = Path.GetFileNameWithoutExtension(package);
        return dlls.Where(d => fileName.StartsWith(Path.GetFileNameWithoutExtension(d)! + ".", StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(d => d!.Length)
                .FirstOrDefault()
            ?? (dlls.Count == 1 ? dlls[0]! : throw new DatakitLoadException(
                $"'{package}' holds several assemblies ({string.Join(", ", dlls)}) and none is named after the package."));
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Found datakit {System} {Layer} ({Context}) in {Source}")]
    private partial void LogFound(string system, string layer, string? context, string source);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Loading dependency package {Package} of {Datakit}")]
    private partial void LogDependency(string package, string datakit);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Extracted {Package} to {Directory}")]
    private partial void LogExtracted(string package, string directory);
}
