using System.Diagnostics;
using System.Globalization;
using HotPapers.TestData;

namespace HotPapers.Benchmarks;

/// <summary><c>generate</c>: writes a synthetic back-catalog of records files.</summary>
internal static class GenerateCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var a = new CommandArgs(args, "days", "format", "out", "seed", "start");
        var days = CommandArgs.ParseInt("days", a.Required("days"));
        var format = Catalogs.ParseFormat(a.Required("format"));
        var output = a.Required("out");
        var seed = a.Int("seed", CatalogGenerator.DefaultSeed);
        var start = a.Date("start", CatalogGenerator.DefaultStart);
        var clock = Stopwatch.StartNew();
        var bytes = CatalogGenerator.Generate(output, format, days, seed, start);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generated {days} day(s) in the {format.Name()} format ({bytes / 1e6:F1} MB) in {output} in {clock.Elapsed.TotalSeconds:F2} s"));
        return 0;
    }
}
