using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HotPapers.Site;

/// <summary>
/// The preview's HTTP server: serves the files of one folder on the loopback interface, as a static host
/// would (a folder's <c>index.html</c>, the site's <c>404.html</c>, types by extension). HTTP/1.1 with one
/// request per connection, GET and HEAD only: enough for a browser on the same machine, and no more, so
/// that nothing of ASP.NET is needed. A request never reaches a file outside the folder: dot segments,
/// backslashes and NULs are refused before the path is joined, and the joined path is checked again.
/// </summary>
internal sealed class StaticFileServer : IDisposable
{
    private const int MaxHeadBytes = 16 * 1024;

    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly Task acceptLoop;

    /// <param name="root">The folder served (the site's pages link to each other relatively, so it is served at <c>/</c> whatever the site's base URL).</param>
    /// <param name="port">The port on 127.0.0.1; 0 for any free one (see <see cref="Address"/>).</param>
    public StaticFileServer(string root, int port)
    {
        Root = Path.GetFullPath(root);
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        var bound = ((IPEndPoint)listener.LocalEndpoint).Port;
        Address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{bound}/"));
        acceptLoop = Task.Run(AcceptLoop);
    }

    /// <summary>The site's address: <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The folder served.</summary>
    public string Root { get; }

    private async Task AcceptLoop()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = Task.Run(() => Serve(client));
        }
    }

    private void Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                client.ReceiveTimeout = 10_000;
                client.SendTimeout = 10_000;
                var stream = client.GetStream();
                var head = ReadHead(stream);
                var response = head is null ? Response.Plain(400, "Bad Request", "The request was not HTTP/1.x.") : Respond(head);
                response.WriteTo(stream, headOnly: head is { Method: "HEAD" });
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
                // The browser went away, or never said anything: nothing to answer.
            }
        }
    }

    internal sealed record RequestHead(string Method, string Target);

    // The request line; the headers are read past and ignored (no request needs one).
    private static RequestHead? ReadHead(Stream stream)
    {
        var buffer = new byte[MaxHeadBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0) break;
            length += read;
            if (buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8) >= 0) break;
        }
        var text = Encoding.Latin1.GetString(buffer, 0, length);
        var lineEnd = text.IndexOf("\r\n", StringComparison.Ordinal);
        if (lineEnd < 0) return null;
        var parts = text[..lineEnd].Split(' ');
        return parts.Length == 3 && parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal) ? new RequestHead(parts[0], parts[1]) : null;
    }

    internal Response Respond(RequestHead head)
    {
        if (head.Method is not ("GET" or "HEAD")) return Response.Plain(405, "Method Not Allowed", "The preview serves GET and HEAD only.") with { Allow = "GET, HEAD" };
        var resolved = Resolve(head.Target);
        return resolved switch
        {
            Resolved.File file => Response.OfFile(200, "OK", file.Path),
            Resolved.Redirect redirect => Response.Plain(301, "Moved Permanently", "") with { Location = redirect.Location },
            Resolved.Refused refused => Response.Plain(400, "Bad Request", refused.Why),
            _ => NotFound(),
        };
    }

    private Response NotFound()
    {
        var page = Path.Combine(Root, "404.html");
        return File.Exists(page) ? Response.OfFile(404, "Not Found", page) : Response.Plain(404, "Not Found", "Not found.");
    }

    /// <summary>What a request target names.</summary>
    internal abstract record Resolved
    {
        public sealed record File(string Path) : Resolved;

        public sealed record Redirect(string Location) : Resolved;

        public sealed record Refused(string Why) : Resolved;

        public sealed record Missing : Resolved;
    }

    /// <summary>The file a request target names in <see cref="Root"/>: never one outside it.</summary>
    internal Resolved Resolve(string target)
    {
        // A proxy's absolute form: its path is what counts.
        if (Uri.TryCreate(target, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https") target = absolute.PathAndQuery;
        var path = target.Split('?', '#')[0];
        if (!path.StartsWith('/')) return new Resolved.Refused("The request's path does not start with '/'.");
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return new Resolved.Refused("The request's path is not well escaped.");
        }
        if (decoded.Contains('\0') || decoded.Contains('\\')) return new Resolved.Refused("The request's path holds a NUL or a backslash.");
        var segments = decoded[1..].Split('/');
        // Browsers resolve dot segments before they ask; a request that still has one is looking for a way out.
        if (segments.Any(s => s is "." or "..")) return new Resolved.Refused("The request's path has a '.' or '..' segment.");
        // Hidden files are the generator's own (its staging folder and list of files), not the site's: a static host does not publish them either.
        if (segments.Any(s => s.StartsWith('.'))) return new Resolved.Missing();

        var current = Root;
        var full = Path.GetFullPath(Path.Combine([current, .. segments.Where(s => s.Length > 0)]));
        if (full != current && !full.StartsWith(current + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return new Resolved.Refused("The request's path leads outside the site.");
        if (Directory.Exists(full))
        {
            // Relative links in a folder's index.html resolve against the folder only with the slash.
            if (!decoded.EndsWith('/')) return new Resolved.Redirect(path + "/");
            full = Path.Combine(full, "index.html");
        }
        return File.Exists(full) ? new Resolved.File(full) : new Resolved.Missing();
    }

    /// <summary>A response, written whole (the site's files are small).</summary>
    internal sealed record Response(int Status, string Reason, string ContentType, byte[] Body)
    {
        public string? Location { get; init; }

        public string? Allow { get; init; }

        public static Response Plain(int status, string reason, string text) => new(status, reason, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text));

        public static Response OfFile(int status, string reason, string path)
        {
            try
            {
                return new(status, reason, ContentTypes.For(path), File.ReadAllBytes(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone between the check and the read (a rebuild replaced the folder): the browser asks again.
                return Plain(503, "Service Unavailable", "The site is being rebuilt; reload.");
            }
        }

        public void WriteTo(Stream stream, bool headOnly)
        {
            var head = new StringBuilder();
            head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {Status} {Reason}\r\n");
            head.Append(CultureInfo.InvariantCulture, $"Content-Type: {ContentType}\r\n");
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {Body.Length}\r\n");
            if (Location is not null) head.Append(CultureInfo.InvariantCulture, $"Location: {Location}\r\n");
            if (Allow is not null) head.Append(CultureInfo.InvariantCulture, $"Allow: {Allow}\r\n");
            // A preview is always the latest build: nothing may be kept from the one before.
            head.Append("Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n");
            stream.Write(Encoding.ASCII.GetBytes(head.ToString()));
            if (!headOnly) stream.Write(Body);
            stream.Flush();
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        try
        {
            acceptLoop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
        stop.Dispose();
    }
}
