namespace HotPapers;

/// <summary>Whether a path is a folder's or below it: import's posts below build's posts folder, a site folder in a blog's public/.</summary>
internal static class PathBelow
{
    /// <summary>
    /// <paramref name="path"/> relative to <paramref name="folder"/> (<c>.</c> for the folder itself), both made full
    /// first; null when it is outside (another drive, or a way up). Compared without case where the file system
    /// ignores it, as <see cref="Path.GetRelativePath"/> does.
    /// </summary>
    public static string? Relative(string folder, string path)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(path));
        return Path.IsPathRooted(relative) || relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? null : relative;
    }
}
