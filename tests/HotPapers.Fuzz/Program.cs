using System.Diagnostics;
using HotPapers.Fuzz;
using SharpFuzz;

// hotpapers-fuzz TARGET --afl            : under afl-fuzz (SharpFuzz-instrumented HotPapers.Core.dll), see fuzz.sh
// hotpapers-fuzz TARGET --time SECONDS   : without afl++: random mutations of the corpus for a bounded time
// hotpapers-fuzz TARGET --replay FILE... : run inputs (e.g. afl's crashes) and print what they throw
if (args.Length < 2 || !Targets.All.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: hotpapers-fuzz {string.Join('|', Targets.All.Keys)} --afl | --time SECONDS [CORPUS] | --replay FILE...");
    return 2;
}

switch (args[1])
{
    case "--afl":
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            target(memory.ToArray());
        });
        return 0;
    case "--replay":
        var failed = 0;
        foreach (var file in args.Skip(2))
        {
            try { target(File.ReadAllBytes(file)); Console.WriteLine($"ok      {file}"); }
            catch (Exception e) { failed++; Console.WriteLine($"FINDING {file}: {e}"); }
        }
        return failed == 0 ? 0 : 1;
    case "--time":
        return Mutator.Run(args[0], target, TimeSpan.FromSeconds(int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)),
            args.Length > 3 ? args[3] : Path.Combine(AppContext.BaseDirectory, "corpus", args[0] is "embed" or "bluesky-embed" ? "embed" : "records"));
    default:
        Console.Error.WriteLine("expected --afl, --time or --replay");
        return 2;
}

/// <summary>A plain mutation fuzzer (bit flips, byte edits, JSON tokens, splices) for machines without afl++.</summary>
internal static class Mutator
{
    private static readonly byte[][] Tokens = [.. new[] { "{", "}", "[", "]", "\"", ":", ",", "null", "true", "-1", "1e309", "9007199254740993", "\\u0000", "\\ud800",
        "\"papers\"", "\"tweets\"", "\"meta\"", "\"format\"", "<blockquote class=\"twitter-tweet\">", "</blockquote>", "<script>", "<!--", "&#106;", "\n\n" }
        .Select(s => System.Text.Encoding.UTF8.GetBytes(s))];

    public static int Run(string name, Action<byte[]> target, TimeSpan time, string corpusDir)
    {
        var corpus = Directory.EnumerateFiles(corpusDir).Select(File.ReadAllBytes).ToList();
        var random = new Random(Environment.TickCount);
        var findings = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        long executions = 0;
        while (watch.Elapsed < time)
        {
            var input = Mutate(corpus[random.Next(corpus.Count)], corpus, random);
            executions++;
            try { target(input); }
            catch (Exception e)
            {
                var key = e.GetType().FullName + " " + e.StackTrace?.Split('\n').FirstOrDefault()?.Trim();
                if (findings.TryAdd(key, input))
                {
                    var path = Path.Combine(Path.GetTempPath(), $"hotpapers-fuzz-{name}-{findings.Count}.bin");
                    File.WriteAllBytes(path, input);
                    Console.WriteLine($"FINDING {e.GetType().Name}: {e.Message} -> {path}");
                }
            }
        }
        Console.WriteLine($"{name}: {executions} executions in {watch.Elapsed.TotalSeconds:F0} s, {findings.Count} distinct finding(s)");
        return findings.Count == 0 ? 0 : 1;
    }

    private static byte[] Mutate(byte[] seed, List<byte[]> corpus, Random random)
    {
        var bytes = seed.ToList();
        for (var n = random.Next(1, 8); n > 0; n--)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0 when bytes.Count > 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1 when bytes.Count > 0: bytes[at] = (byte)random.Next(256); break;
                case 2 when bytes.Count > 0: bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 16))); break;
                case 3: bytes.InsertRange(at, Tokens[random.Next(Tokens.Length)]); break;
                case 4:
                    var other = corpus[random.Next(corpus.Count)];
                    var from = random.Next(other.Length);
                    bytes.InsertRange(at, other.Skip(from).Take(random.Next(1, 64)));
                    break;
                default: if (bytes.Count > 0) bytes.Insert(at, bytes[random.Next(bytes.Count)]); break;
            }
        }
        return [.. bytes];
    }
}
