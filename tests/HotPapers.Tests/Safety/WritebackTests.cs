using HotPapers.Output;

namespace HotPapers.Tests.Safety;

/// <summary>
/// Staged files are written whole, never over a file already there, and a build of more than a batch of
/// them has them synced to the disk while it still writes (Linux), so that the commit's flush is short.
/// </summary>
public sealed class WritebackTests : IDisposable
{
    private readonly TempDir _temp = Fixture.TempDir();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_file_already_at_the_name_is_left_as_it_was_and_the_write_fails()
    {
        var path = _temp["taken.md"];
        File.WriteAllText(path, "someone else's");
        var writeback = new Writeback();

        Assert.Throws<IOException>(() => writeback.Write(path, "ours"u8));
        writeback.Finish();

        Assert.Equal("someone else's", File.ReadAllText(path));
    }

    [Fact]
    public void A_build_of_fewer_files_than_a_batch_starts_no_sync()
    {
        var writeback = new Writeback();
        for (var i = 0; i < 10; i++) writeback.Write(_temp[$"{i}.md"], "post"u8);
        writeback.Finish();

        Assert.Equal(0, writeback.Synced);
        Assert.All(Enumerable.Range(0, 10), i => Assert.Equal("post", File.ReadAllText(_temp[$"{i}.md"])));
    }

    [Fact]
    public void Batches_are_synced_while_files_are_still_written_and_every_file_is_whole()
    {
        var writeback = new Writeback();
        var text = new string('x', 5000) + "\n";
        Parallel.For(0, 300, i => writeback.Write(_temp[$"{i}.md"], System.Text.Encoding.UTF8.GetBytes($"{i}:{text}")));
        if (OperatingSystem.IsLinux())
        {
            // Waits for the other thread's work (a condition, not a time): a sync takes milliseconds.
            Assert.True(SpinWait.SpinUntil(() => writeback.Synced >= 1, TimeSpan.FromSeconds(30)), "no batch was synced");
            Assert.True(writeback.Thread.Started);
        }
        writeback.Finish();
        writeback.Finish();

        Assert.False(writeback.Thread.Running, "Finish returned before the thread ended");
        Assert.All(Enumerable.Range(0, 300), i => Assert.Equal($"{i}:{text}", File.ReadAllText(_temp[$"{i}.md"])));
    }

    [Fact]
    public void After_Finish_writes_are_plain_writes_and_start_no_thread()
    {
        var writeback = new Writeback();
        writeback.Finish();
        for (var i = 0; i < 600; i++) writeback.Write(_temp[$"{i}.md"], "late"u8);

        Assert.Equal((false, false), writeback.Thread);
        Assert.Equal(0, writeback.Synced);
        Assert.Equal("late", File.ReadAllText(_temp["599.md"]));
    }
}
