using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HotPapers.Site;

/// <summary>
/// The preview's HTTP server: serves the files of one folder on the loopback interface, as a static host
/// would (a folder's <c>index.html</c>, the site's <c>404.html</c>, types by extension), GET and HEAD only.
/// HTTP itself is the BCL's <see cref="HttpListener"/>; this class only decides what a request names. A
/// request never reaches a file outside the folder: its target as sent (<see cref="HttpListenerRequest.RawUrl"/>,
/// before any dot segment is resolved) is checked for dot segments, backslashes and NULs before the path is
/// joined, and the joined path is checked again.
/// </summary>
internal sealed class StaticFileServer : IDisposable
{
    private readonly HttpListener listener;
    private readonly Task acceptLoop;

    /// <param name="root">The folder served (the site's pages link to each other relatively, so it is served at <c>/</c> whatever the site's base URL).</param>
    /// <param name="port">The port on 127.0.0.1; 0 for any free one (see <see cref="Address"/>).</param>
    /// <exception cref="SocketException">The port is taken (<see cref="SocketError.AddressAlreadyInUse"/>).</exception>
    public StaticFileServer(string root, int port)
        : this(root, port, "localhost")
    {
    }

    /// <param name="alsoHost">
    /// A second name the site answers to: <c>localhost</c>, which people type for their own machine. Requests
    /// naming any other host (a DNS rebinding page's, say) find no site. HttpListener listens for a name where
    /// it first resolves, so where localhost is ::1 first (macOS) that is a second socket, on the same port;
    /// where that cannot be had (no IPv6, the port taken there), the site is served at <see cref="Address"/> alone.
    /// </param>
    internal StaticFileServer(string root, int port, string alsoHost)
    {
        Root = Path.GetFullPath(root);
        for (var attempt = 1; ; attempt++)
        {
            Address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Probe(port)}/"));
            var also = string.Create(CultureInfo.InvariantCulture, $"http://{alsoHost}:{Address.Port}/");
            try
            {
                listener = Listen([Address.ToString(), also], rethrow: false) ?? Listen([Address.ToString()], rethrow: true)!;
                break;
            }
            catch (Exception e) when (port == 0 && attempt < 5 && e is HttpListenerException or SocketException)
            {
                // Any free port: the one the probe found was taken by another program before the listener bound it
                // (a flake of the parallel tests, each serving on a port of its own). Another is probed.
            }
        }
        acceptLoop = Task.Run(AcceptLoop);
    }

    // A started listener for the prefixes; null when it would not start and rethrow is false.
    private static HttpListener? Listen(string[] prefixes, bool rethrow)
    {
        var started = new HttpListener { IgnoreWriteExceptions = true };
        foreach (var prefix in prefixes) started.Prefixes.Add(prefix);
        try
        {
            started.Start();
            return started;
        }
        catch
        {
            started.Close();
            if (rethrow) throw;
            return null;
        }
    }

    /// <summary>The site's address: <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The folder served.</summary>
    public string Root { get; }

    // HttpListener needs its port up front, and says a taken one with the system's own error number: the
    // port is bound here first, so a taken one is a SocketException that says so on every system, and 0
    // becomes one the system says is free. The listener takes it right after.
    private static int Probe(int port)
    {
        var probe = new TcpListener(IPAddress.Loopback, port);
        probe.Start();
        try
        {
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        finally
        {
            probe.Stop();
        }
    }

    private async Task AcceptLoop()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => Serve(context));
        }
    }

    private void Serve(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var answer = Respond(new RequestHead(context.Request.HttpMethod, context.Request.RawUrl ?? ""));
            response.StatusCode = answer.Status;
            response.ContentType = answer.ContentType;
            response.ContentLength64 = answer.Body.Length;
            if (answer.Location is not null) response.RedirectLocation = answer.Location;
            if (answer.Allow is not null) response.AddHeader("Allow", answer.Allow);
            // A preview is always the latest build: nothing may be kept from the one before.
            response.AddHeader("Cache-Control", "no-store");
            response.AddHeader("X-Content-Type-Options", "nosniff");
            response.KeepAlive = false;
            if (context.Request.HttpMethod != "HEAD") response.OutputStream.Write(answer.Body);
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The browser went away: nothing to answer.
            response.Abort();
        }
    }

    internal sealed record RequestHead(string Method, string Target);

    internal Response Respond(RequestHead head)
    {
        if (head.Method is not ("GET" or "HEAD")) return Response.Plain(405, "The preview serves GET and HEAD only.") with { Allow = "GET, HEAD" };
        var resolved = Resolve(head.Target);
        return resolved switch
        {
            Resolved.File file => Response.OfFile(200, file.Path),
            Resolved.Redirect redirect => Response.Plain(301, "") with { Location = redirect.Location },
            Resolved.Refused refused => Response.Plain(400, refused.Why),
            _ => NotFound(),
        };
    }

    private Response NotFound()
    {
        var page = Path.Combine(Root, "404.html");
        return File.Exists(page) ? Response.OfFile(404, page) : Response.Plain(404, "Not found.");
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
            // Relative links in a folder's index.html resolve against the folder only with the slash; the query
            // goes along (a fragment is the browser's own, never sent). The path is written again from its
            // segments, without empty ones: "//name/" would send the browser to a host called name.
            if (!decoded.EndsWith('/'))
            {
                var folder = "/" + string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries)) + "/";
                return new Resolved.Redirect(folder + (target[path.Length..] is ['?', ..] query ? query.Split('#')[0] : ""));
            }
            full = Path.Combine(full, "index.html");
        }
        return File.Exists(full) ? new Resolved.File(full) : new Resolved.Missing();
    }

    /// <summary>A response, sent whole (the site's files are small).</summary>
    internal sealed record Response(int Status, string ContentType, byte[] Body)
    {
        public string? Location { get; init; }

        public string? Allow { get; init; }

        public static Response Plain(int status, string text) => new(status, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text));

        public static Response OfFile(int status, string path)
        {
            try
            {
                return new(status, ContentTypes.For(path), File.ReadAllBytes(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone between the check and the read (a rebuild replaced the folder): the browser asks again.
                return Plain(503, "The site is being rebuilt; reload.");
            }
        }
    }

    public void Dispose()
    {
        listener.Close();
        try
        {
            acceptLoop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }
}
