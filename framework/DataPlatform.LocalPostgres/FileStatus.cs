using System.Runtime.InteropServices;

namespace DataPlatform.LocalPostgres;

/// <summary>
/// What <c>statx(2)</c> says about a path on Linux: its type, owner, identity (device and inode) and link count. Read with
/// <see cref="Get"/> either of the path itself (<c>lstat</c> semantics: a symbolic link is reported as a link, never
/// followed) or of what it resolves to.
/// </summary>
/// <remarks>
/// The BCL reports a file's mode and link target but neither its owner nor its inode, and <c>struct stat</c> differs from one
/// architecture to another; <c>struct statx</c> has one layout everywhere, so it can be read as bytes without unsafe code.
/// </remarks>
internal readonly record struct FileStatus(FileStatus.FileKind Kind, uint OwnerId, ulong Device, ulong Inode, uint LinkCount, UnixFileMode Mode)
{
    /// <summary>The file types the callers tell apart.</summary>
    public enum FileKind
    {
        Other,
        RegularFile,
        Directory,
        SymbolicLink,
    }

    private const int CurrentDirectory = -100;
    private const int NoFollow = 0x100;
    private const uint BasicStats = 0x7ff;
    private const int BufferSize = 256;
    private const int TypeMask = 0xF000;
    private const int TypeRegular = 0x8000;
    private const int TypeDirectory = 0x4000;
    private const int TypeLink = 0xA000;
    private const int NoSuchEntry = 2;
    private const int NotADirectory = 20;

    /// <summary>The same file (device and inode) as <paramref name="other"/>.</summary>
    public bool IsSameFileAs(FileStatus other) => Device == other.Device && Inode == other.Inode;

    /// <summary>
    /// The status of <paramref name="path"/> (of the link itself unless <paramref name="followLinks"/>), or
    /// <see langword="null"/> when it does not exist, cannot be looked at, or the platform has no <c>statx</c>.
    /// </summary>
    public static FileStatus? Get(string path, bool followLinks)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[BufferSize];
        try
        {
            if (Statx(CurrentDirectory, path, followLinks ? 0 : NoFollow, BasicStats, buffer) != 0)
            {
                return null;
            }
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }

        // struct statx: nlink at 16, uid at 20, mode at 28, ino at 32, dev_major at 136, dev_minor at 140.
        ReadOnlySpan<byte> span = buffer;
        var mode = MemoryMarshal.Read<ushort>(span[28..]);
        var kind = (mode & TypeMask) switch
        {
            TypeRegular => FileKind.RegularFile,
            TypeDirectory => FileKind.Directory,
            TypeLink => FileKind.SymbolicLink,
            _ => FileKind.Other,
        };
        var device = ((ulong)MemoryMarshal.Read<uint>(span[136..]) << 32) | MemoryMarshal.Read<uint>(span[140..]);
        return new FileStatus(
            kind,
            MemoryMarshal.Read<uint>(span[20..]),
            device,
            MemoryMarshal.Read<ulong>(span[32..]),
            MemoryMarshal.Read<uint>(span[16..]),
            (UnixFileMode)(mode & 0xFFF));
    }

    /// <summary>
    /// Whether nothing at all (not even a dangling link) is at <paramref name="path"/>: false when something is there or when
    /// that cannot be told (no permission, not Linux).
    /// </summary>
    public static bool IsMissing(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return Statx(CurrentDirectory, path, NoFollow, BasicStats, new byte[BufferSize]) != 0
                && Marshal.GetLastPInvokeError() is NoSuchEntry or NotADirectory;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054 // LibraryImport needs AllowUnsafeBlocks; the buffer is a blittable byte array.
    private static extern int Statx(
        int directoryDescriptor, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
#pragma warning restore SYSLIB1054
}
