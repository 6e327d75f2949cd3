using Microsoft.Extensions.Time.Testing;

namespace HotPapers.Tests.Collecting;

/// <summary>
/// A fake clock that lets time pass only when the code under test waits for it, so no test sleeps:
/// <see cref="RunAsync{T}"/> jumps to the end of each short wait as soon as it is set (pacing, a retry's
/// backoff or Retry-After: timers set for less than <see cref="Attempt"/>), and to the end of a try's
/// timeout (a timer of exactly <see cref="Attempt"/>) once for each request the server let hang. Longer
/// timers (a try's timeout while an answer is on its way, the total budget) fire only as time so passes.
/// </summary>
internal sealed class SteppingClock(DateTimeOffset start, TimeSpan attempt) : FakeTimeProvider(start)
{
    private readonly object _gate = new();
    private readonly List<Tracked> _timers = [];
    private readonly SemaphoreSlim _changed = new(0);

    public TimeSpan Attempt { get; } = attempt;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new Tracked(this);
        // Under the gate, which the driver holds while it moves the clock: the tracked due time and the
        // timer's own are read from the same now. (Between the two, the driver saw a timer due and not
        // yet made, and moved the clock a tick at a time until it was: under load, a millisecond too far.)
        lock (_gate)
        {
            // Tracked before it exists: a timer due at once may fire inside CreateTimer.
            tracked.Set(dueTime, period);
            tracked.Inner = base.CreateTimer(s =>
            {
                tracked.Fired();
                callback(s);
            }, state, dueTime, period);
        }
        return tracked;
    }

    /// <summary>Wakes the driver: something it may act on happened (a stalled request arrived).</summary>
    public void Nudge() => _changed.Release();

    /// <summary>Runs <paramref name="work"/>, moving the clock as described above, until it ends.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work, Func<int>? stallsReceived = null)
    {
        var task = Task.Run(work);
        var stallsServed = 0;
        while (!task.IsCompleted)
        {
            var moved = false;
            lock (_gate)
            {
                var stalled = stallsReceived is not null && stallsReceived() > stallsServed;
                DateTimeOffset? next = _timers.Where(t => t.Due is not null && (t.Length < Attempt || (stalled && t.Length == Attempt)))
                    .Select(t => t.Due!.Value).DefaultIfEmpty().Min() is var min && min != default ? min : null;
                if (next is not null && stalled && !_timers.Any(t => t.Due is not null && t.Length < Attempt)) stallsServed++;
                if (next is { } due)
                {
                    // Fires what is due then; a timer due already fires without the clock moving.
                    var step = due - GetUtcNow();
                    Advance(step > TimeSpan.Zero ? step : TimeSpan.Zero);
                    moved = true;
                }
            }
            if (moved)
            {
                await Task.Yield();
                continue;
            }
            await Task.WhenAny(task, _changed.WaitAsync());
        }
        return await task;
    }

    private sealed class Tracked(SteppingClock clock) : ITimer
    {
        public ITimer Inner = null!;
        public DateTimeOffset? Due;
        public TimeSpan Length;

        public void Set(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                if (Due is null && dueTime != Timeout.InfiniteTimeSpan) clock._timers.Add(this);
                if (dueTime == Timeout.InfiniteTimeSpan) clock._timers.Remove(this);
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime;
                Length = dueTime;
            }
            clock._changed.Release();
        }

        public void Fired()
        {
            lock (clock._gate)
            {
                Due = null;
                clock._timers.Remove(this);
            }
            clock._changed.Release();
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                var changed = Inner.Change(dueTime, period);
                Set(dueTime, period);
                return changed;
            }
        }

        public void Dispose()
        {
            lock (clock._gate)
            {
                Inner.Dispose();
                Fired();
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
