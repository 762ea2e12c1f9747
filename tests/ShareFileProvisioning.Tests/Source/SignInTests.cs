using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.Source.Authentication;

namespace ShareFileProvisioning.Tests.Source;

/// <summary>
/// Each sign-in mode through the real Azure.Identity/MSAL credential against the emulator's token endpoints. MSAL
/// demands an https authority, so the http loopback authority goes through the engine's loopback handler; the token
/// request itself is real (client_credentials with a secret or a signed client assertion).
/// </summary>
public sealed class SignInTests : SourceHarness
{
    [Fact]
    public async Task ClientSecret_GetsATokenFromTheAuthorityAndReadsScope()
    {
        var source = await Connect(SecretSignIn());

        var result = await source.ReadScopeAsync(Mapped, CancellationToken.None);

        Assert.Equal(SourceAuthenticationMode.ClientSecret, source.AuthenticationMode);
        Assert.Equal(5, result.Users.Count);
        Assert.True(Server.Control.CountOf("POST /{tenantId}/oauth2/v2.0/token") >= 1);
    }

    [Fact]
    public async Task WrongClientSecret_FailsAsAuthenticationError_WithoutTheSecretInTheMessage()
    {
        var error = await Assert.ThrowsAsync<SourceAuthenticationException>(() => Connect(SecretSignIn(secret: "not-the-secret-xyz")));

        Assert.Contains("7000215", error.Message);   // AADSTS code for an invalid secret
        Assert.DoesNotContain("not-the-secret-xyz", error.ToString());
    }

    [Fact]
    public async Task AppWithoutUserReadAll_FullReadFailsNamingThePermission()
    {
        var source = await Connect(SecretSignIn("c0ffee00-5678-4abc-8def-0123456789ab", "emulator-secret-no-users"));

        var error = await Assert.ThrowsAsync<SourcePermissionException>(() => source.ReadFullAsync(Mapped, CancellationToken.None));

        Assert.Equal(GraphPermissions.UserReadAll, error.Permission);
        Assert.Contains("User.Read.All", error.Message);
    }

    [Fact]
    public async Task TokenWithoutAnyPermission_ConnectFailsNamingApplicationReadAll()
    {
        var error = await Assert.ThrowsAsync<SourcePermissionException>(() => Connect(TokenSignIn("no-permissions")));

        Assert.Equal(GraphPermissions.ApplicationReadAll, error.Permission);
    }

    [Fact]
    public async Task Certificate_ObjectPfxWithPasswordAndPem_AllSignInWithAClientAssertion()
    {
        using var cert = SelfSigned();
        var dir = Directory.CreateTempSubdirectory("sfp-cert-");
        try
        {
            var pfx = Path.Combine(dir.FullName, "app.pfx");
            File.WriteAllBytes(pfx, cert.Export(X509ContentType.Pfx, "pfx-password"));
            var pem = Path.Combine(dir.FullName, "app.pem");
            using (var key = cert.GetRSAPrivateKey())
                File.WriteAllText(pem, cert.ExportCertificatePem() + "\n" + key!.ExportPkcs8PrivateKeyPem());

            foreach (var settings in new[]
            {
                CertSignIn(s => s.Certificate = cert),
                CertSignIn(s => { s.CertificatePath = pfx; s.CertificatePassword = Secure("pfx-password"); }),
                CertSignIn(s => s.CertificatePath = pem),
            })
            {
                var source = await Connect(settings);
                Assert.Equal(SourceAuthenticationMode.Certificate, source.AuthenticationMode);
            }

            Assert.True(Server.Control.CountOf("POST /{tenantId}/oauth2/v2.0/token") >= 3);
            var wrong = Assert.Throws<ArgumentException>(() => EntraSource.Create(CertSignIn(s => { s.CertificatePath = pfx; s.CertificatePassword = Secure("bad"); }), new SourceAppSelector { ServicePrincipalId = SpId }));
            Assert.Contains("app.pfx", wrong.Message);
            Assert.DoesNotContain("bad", wrong.Message.Replace("app.pfx", string.Empty));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Certificate_ByThumbprintFromTheCurrentUserStore()
    {
        using var cert = SelfSigned();
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        using var persisted = X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx, ""), "", X509KeyStorageFlags.PersistKeySet | X509KeyStorageFlags.Exportable);
        store.Add(persisted);
        try
        {
            var source = await Connect(CertSignIn(s => s.CertificateThumbprint = cert.Thumbprint.ToLowerInvariant()));

            Assert.Equal(SpId, source.ServicePrincipal.Id);
        }
        finally
        {
            store.Remove(persisted);
        }
    }

    [Fact]
    public void UnknownThumbprint_IsAClearError()
    {
        var error = Assert.Throws<ArgumentException>(() => EntraSource.Create(CertSignIn(s => s.CertificateThumbprint = "00112233445566778899AABBCCDDEEFF00112233"), new SourceAppSelector { ServicePrincipalId = SpId }));

        Assert.Contains("00112233445566778899AABBCCDDEEFF00112233", error.Message);
    }

    [Fact]
    public void DeviceCode_BuildsWithoutPrompting_NotExercisedAgainstTheEmulator()
    {
        // The device-code grant needs a user at a browser; only construction is testable here.
        using var source = EntraSource.Create(new SourceSignInSettings { DeviceCode = true, ClientId = AppClientId, TenantId = TenantId, GraphBaseUri = GraphBase },
            new SourceAppSelector { ServicePrincipalId = SpId });

        Assert.Equal(SourceAuthenticationMode.DeviceCode, source.AuthenticationMode);
        Assert.Null(source.ServicePrincipal);
        Assert.Equal(0, source.RequestCount);
    }

    [Fact]
    public void HttpAuthorityOrGraphOutsideLoopback_IsRejected()
    {
        var authority = SecretSignIn();
        authority.AuthorityHost = new Uri("http://login.example.com/");
        var graph = TokenSignIn();
        graph.GraphBaseUri = new Uri("http://graph.example.com/v1.0");

        Assert.Contains("https", Assert.Throws<ArgumentException>(() => EntraSource.Create(authority, new SourceAppSelector { AppId = AppId })).Message);
        Assert.Contains("https", Assert.Throws<ArgumentException>(() => EntraSource.Create(graph, new SourceAppSelector { AppId = AppId })).Message);
    }

    private SourceSignInSettings CertSignIn(Action<SourceSignInSettings> set)
    {
        var s = new SourceSignInSettings { TenantId = TenantId, ClientId = AppClientId, GraphBaseUri = GraphBase, AuthorityHost = Server.BaseUri };
        set(s);
        return s;
    }

    private static X509Certificate2 SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ShareFileProvisioning test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }
}
