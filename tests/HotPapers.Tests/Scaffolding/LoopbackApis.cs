using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HotPapers.Tests.Scaffolding;

/// <summary>
/// An HTTP server on the loopback interface that plays the APIs collect reads, for tests that run the real
/// tool in its own process (the nightly workflow's steps): hotpapers.yml's base URLs point at it. Each
/// request is answered by <see cref="Answer"/>, which the test may change between runs.
/// </summary>
internal sealed class LoopbackApis : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public LoopbackApis(Func<Uri, (int Status, string ContentType, string Body)> answer)
    {
        Answer = answer;
        // A port the system says is free; the listener takes it right after.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUrl.ToString());
        _listener.Start();
        _serving = Task.Run(Serve);
    }

    public Uri BaseUrl { get; }

    public Func<Uri, (int Status, string ContentType, string Body)> Answer { get; set; }

    /// <summary>Every request's path and query, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            var url = context.Request.Url!;
            Requests.Enqueue(url.PathAndQuery);
            var (status, contentType, body) = Answer(url);
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
