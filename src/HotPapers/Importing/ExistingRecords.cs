using HotPapers.Output;
using HotPapers.Records;

namespace HotPapers.Importing;

/// <summary>
/// What a records file already there is to import: an import's (ranked: true, which <c>--force</c> may replace), the
/// day's own (collect's, or the old input files'), or one that does not load, with the loader's problems, which cannot
/// say whose it is. Found by a new user's trial: one that did not load (its end cut off, git's conflict markers in it)
/// was taken for an import's, and <c>--force</c> replaced a collected day's records with the few papers its post showed.
/// </summary>
internal sealed record ExistingRecords(bool Imported, IReadOnlyList<InputProblem> Problems)
{
    /// <summary>Loaded and not ranked: what a build ranks, which a post never replaces.</summary>
    public bool DaysOwn => Problems.Count == 0 && !Imported;

    public static ExistingRecords At(string path, TimeZoneInfo zone)
    {
        try
        {
            return new(new RecordsLoader(zone).Load(path).Ranked, []);
        }
        catch (InputException e)
        {
            return new(false, e.Problems);
        }
        // No permission is the loader's problem above; what else the system refuses, in its words.
        catch (IOException e)
        {
            return new(false, [new InputProblem(path, InputProblem.WholeFile, "a readable records file", OutputFolder.Refusing(e, "read it")!)]);
        }
    }
}
