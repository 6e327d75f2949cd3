namespace HotPapers.Importing;

/// <summary>Why an embed of a post is not one the importer reads: what it expected there, and what it found.</summary>
/// <remarks>A piece of the post's HTML that is found is quoted as every found value is (<see cref="Records.JsonChecker.Quote"/>).</remarks>
internal sealed record EmbedProblem(string Expected, string Found);
