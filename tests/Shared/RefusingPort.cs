using System.Net;
using System.Net.Sockets;

namespace ArticleBot.Tests.Shared;

/// <summary>
/// A loopback port that refuses every connection for as long as the test process runs: a socket is bound to it and
/// never listens. A port found by binding and releasing (the usual "free port") goes back to the pool, and the next
/// bind to port 0 anywhere on the machine may get it: another test's PostgreSQL or fake server, running at the same
/// time, then answers where a refusal was expected. A port that stays bound is given to no one else. Shared with the test projects that need it (linked in their project files).
/// </summary>
internal static class RefusingPort
{
    private static readonly Lazy<Socket> s_socket = new(() =>
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    });

    /// <summary>The port: connecting to 127.0.0.1 on it is refused at once.</summary>
    public static int Number => ((IPEndPoint)s_socket.Value.LocalEndPoint!).Port;
}
