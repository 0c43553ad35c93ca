using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BittensorPow.DevNode;
using BittensorPow.Subtensor.Rpc;
using BittensorPow.Tests.DevNode;

namespace BittensorPow.Tests.Rpc;

/// <summary>
/// wss:// end to end: a TLS terminator with a fresh self-signed certificate in front of the DevNode. The client
/// refuses it under the system's validation and talks through it when the certificate is pinned.
/// </summary>
public class WebSocketRpcClientTlsTests
{
    [Fact]
    public async Task Wss_endpoints_work_through_TLS_and_untrusted_certificates_are_refused()
    {
        await using var node = await DevNodeHarness.StartAsync(new DevNodeOptions { BlockMs = 0 });
        using var certificate = SelfSigned();
        await using var tls = TlsRelay.Start(certificate, node.Port);
        var endpoint = new Uri($"wss://localhost:{tls.Port}");

        var refused = await Assert.ThrowsAsync<RpcException>(
            () => WebSocketRpcClient.ConnectAsync(endpoint, DevNodeHarness.FastOptions with { ConnectAttempts = 1 }));
        Assert.Equal(RpcErrorKind.ConnectionFailed, refused.Kind);

        var pinned = DevNodeHarness.FastOptions with
        {
            RemoteCertificateValidation = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == certificate.GetCertHashString(),
        };
        await using var client = await WebSocketRpcClient.ConnectAsync(endpoint, pinned);
        Assert.Equal(node.Chain.Head.HashHex, (await client.CallAsync("chain_getBlockHash", [])).GetString());
        Assert.True(tls.Connections >= 1);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // Export and re-import so that the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Accepts TLS on loopback and relays the decrypted bytes to the DevNode's plain port.</summary>
    private sealed class TlsRelay : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly X509Certificate2 _certificate;
        private readonly int _target;
        private int _connections;

        private TlsRelay(X509Certificate2 certificate, int target) { _certificate = certificate; _target = target; }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
        public int Connections => Volatile.Read(ref _connections);

        public static TlsRelay Start(X509Certificate2 certificate, int target)
        {
            var relay = new TlsRelay(certificate, target);
            relay._listener.Start();
            _ = relay.AcceptLoopAsync();
            return relay;
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient incoming;
                try { incoming = await _listener.AcceptTcpClientAsync(_stop.Token); }
                catch (Exception) { return; }
                _ = RelayAsync(incoming);
            }
        }

        private async Task RelayAsync(TcpClient incoming)
        {
            using var _ = incoming;
            try
            {
                await using var tls = new SslStream(incoming.GetStream());
                await tls.AuthenticateAsServerAsync(_certificate);
                Interlocked.Increment(ref _connections);
                using var upstream = new TcpClient();
                await upstream.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
                var plain = upstream.GetStream();
                await Task.WhenAny(tls.CopyToAsync(plain, _stop.Token), plain.CopyToAsync(tls, _stop.Token));
            }
            catch (Exception) { } // a refused handshake or a closed connection simply ends this relay
        }

        public ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
