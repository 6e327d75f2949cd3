namespace HotPapers.Output;

/// <summary>A file's length and last write time: what tells, without reading it, that it has not changed.</summary>
internal readonly record struct FileStamp(long Length, long LastWriteTicks)
{
    /// <summary>The file's stamp, or null when there is no such file.</summary>
    public static FileStamp? Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks) : null;
    }
}
