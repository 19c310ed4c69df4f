using System.Reflection;
using System.Runtime.Loader;

namespace DataPlatform.DeployDatakit.Datakits;

/// <summary>
/// Loads datakit assemblies and their own dependencies from the folders they came from. Assemblies the host already
/// ships (DataPlatform.Framework, EF Core, Npgsql, ...) always come from the host, so the datakit's
/// <c>DatakitAttribute</c> and <c>DbContext</c> types are the host's types.
/// </summary>
internal sealed class DatakitLoadContext(IReadOnlyList<string> probeDirectories) : AssemblyLoadContext("deploy-datakit")
{
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        try
        {
            return Default.LoadFromAssemblyName(assemblyName);
        }
        catch (FileNotFoundException)
        {
            // Not part of the host: look next to the datakits.
        }

        foreach (var directory in probeDirectories)
        {
            var candidate = Path.Combine(directory, assemblyName.Name + ".dll");
            if (File.Exists(candidate))
            {
                return LoadFromAssemblyPath(candidate);
            }
        }

        return null;
    }
}
