using HotPapers.Building;
using HotPapers.Rendering;

namespace HotPapers.Tests.Building;

// Found by a review: renders run in parallel, and a template failing on many digests was reported on whichever
// failed first in time, another file from run to run.
public sealed class ParallelErrorTests
{
    // Which item fails first in time is the threads' race: tried ten times, a first-in-time report loses it at least once.
    [Fact]
    public void A_template_failing_on_many_items_is_reported_on_the_first_in_order_not_the_first_in_time()
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            // Item 0 fails only once a later item is failing (or after a while, where nothing runs beside it).
            using var laterFailed = new ManualResetEventSlim();
            var ran = new bool[64];

            var e = Assert.Throws<TemplateException>(() => ParallelOrFirstError.Run(ran.Length, i =>
            {
                ran[i] = true;
                if (i == 0) laterFailed.Wait(TimeSpan.FromSeconds(5));
                else laterFailed.Set();
                throw new TemplateException("t.sbn", 1, 1, "fails", $"item {i}");
            }));

            Assert.Equal("item 0", e.Rendering);
            // Items after a failed one are not started: a broken template costs no whole rebuild.
            Assert.Contains(ran, r => !r);
        }
    }

    [Fact]
    public void Any_other_error_is_its_own_exception_not_an_aggregate()
    {
        var e = Assert.Throws<IOException>(() => ParallelOrFirstError.Run(4, i => throw new IOException($"disk {i}")));
        Assert.StartsWith("disk ", e.Message, StringComparison.Ordinal);
    }
}
