namespace DataPlatform.DeployDatakit.Datakits;

/// <summary>A datakit path could not be loaded (missing file, no marker, bad package). The message says what to fix.</summary>
internal sealed class DatakitLoadException(string message, Exception? innerException = null) : Exception(message, innerException);
