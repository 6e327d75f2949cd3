using HotPapers.Rendering;

namespace HotPapers.Building;

/// <summary>
/// Runs a body for each of <c>count</c> items on every core, as the build renders its posts and the site its
/// pages and feeds, and throws the first failure in the items' order.
/// </summary>
internal static class ParallelOrFirstError
{
    // Parallel.For wraps what a body throws; callers want the template or I/O error itself.
    internal static void Run(int count, Action<int> body)
    {
        // A template that fails on one item's data may fail on many, and which fails first in time varies
        // from run to run. Break() lets every item before a failed one finish and starts none after it, so
        // the first failure in the items' order is known, and reported: the same build names the same file
        // every time, without rendering the rest. (Not Stop() for a template that does not parse, though it
        // fails alike everywhere: Stop() after another item's Break() throws.)
        var failed = new TemplateException?[count];
        try
        {
            // One render per core: the thread pool otherwise adds threads while renders wait on the disk, and
            // more threads than cores only take turns, each with its own allocation context and caches.
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, (i, loop) =>
            {
                try
                {
                    body(i);
                }
                catch (TemplateException e)
                {
                    failed[i] = e;
                    loop.Break();
                }
            });
        }
        catch (AggregateException e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.Flatten().InnerExceptions[0]);
        }
        if (Array.Find(failed, e => e is not null) is { } first) throw first;
    }
}
