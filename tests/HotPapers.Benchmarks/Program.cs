using HotPapers.Benchmarks;

const string Usage = """
    usage: HotPapers.Benchmarks <command> [options]

      generate --days N --format records|legacy|lean --out DIR [--seed 42] [--start 2021-01-01]
          write a synthetic back-catalog, one records file per day
      bench [--exe PATH] [--aot PATH] [--days 1,365,3650] [--formats records,legacy] [--repeat 3]
            [--work /tmp/hotpapers-bench] [--seed 42] [--start 2021-01-01]
          time the real hotpapers on such catalogs; prints a Markdown report
      compare [--exe PATH] [--aot PATH] [--oldgen PATH] [--days 3650] [--formats lean,legacy] [--repeat 5]
              [--work /tmp/hotpapers-bench] [--seed 42] [--start 2021-01-01]
          full rebuilds by hotpapers and by ../shared/bench/oldgen.py, interleaved; prints a Markdown report
      site-vs-hugo [--exe PATH] [--aot PATH] [--hugo PATH] [--days 3650] [--repeat 3]
                   [--work /tmp/hotpapers-bench] [--seed 42] [--start 2021-01-01]
          the HTML site built by hotpapers site (framework-dependent, and Native AOT when published) beside hugo
          building the same digests' Hugo posts, interleaved; digest pages per second and peak RSS (issue 19)
      micro [BenchmarkDotNet arguments, e.g. --filter '*' --job short]
          BenchmarkDotNet micro-benchmarks of load, rank, render and write

    See tests/HotPapers.Benchmarks/README.md.
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

try
{
    var rest = args[1..];
    return args[0] switch
    {
        "generate" => GenerateCommand.Run(rest),
        "bench" => BenchCommand.Run(rest),
        "compare" => CompareCommand.Run(rest),
        "site-vs-hugo" => SiteVsHugoCommand.Run(rest),
        "micro" => MicroCommand.Run(rest),
        "measure" => MeasureCommand.Run(rest),
        _ => throw new UsageException($"unknown command '{args[0]}'"),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    Console.Error.WriteLine(Usage);
    return 2;
}
catch (BenchFailure e)
{
    Console.Error.WriteLine($"FAILED: {e.Message}");
    return 1;
}
