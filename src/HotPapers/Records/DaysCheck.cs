namespace HotPapers.Records;

/// <summary>
/// A caller's check of the first and last day a records file holds (a file named for other days): what was
/// expected and found, or null where they are right. The loader lists its problem with the file's others, so
/// that one run names them all.
/// </summary>
internal delegate (string Expected, string Found)? DaysCheck(DateOnly first, DateOnly last);
