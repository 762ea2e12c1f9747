using System.Net;
using System.Net.Sockets;
using ShareFileProvisioning.Engine.Configuration;
using ShareFileProvisioning.Engine.State.Blob;
using ShareFileProvisioning.Tests.Configuration;

namespace ShareFileProvisioning.Tests.Safety;

/// <summary>Blob state carries a SAS, an account key or a bearer token: plain http is refused off loopback in every form.</summary>
public sealed class BlobPlainHttpTests
{
    private static System.Security.SecureString Secure(string s) => new NetworkCredential("", s).SecurePassword;

    private const string Key = "a2V5LXRoYXQtbXVzdC1ub3QtbGVhaw==";

    public static TheoryData<string, BlobStateStoreSettings> PlainHttpForms() => new()
    {
        { "container URL", new BlobStateStoreSettings { ContainerUri = new Uri("http://acct.blob.core.windows.net/sfprov-acme"), ManagedIdentity = true } },
        { "SAS URL", new BlobStateStoreSettings { SasToken = Secure("http://acct.blob.core.windows.net/sfprov-acme?sv=2024&sig=SIGSECRET") } },
        { "connection string", new BlobStateStoreSettings { ConnectionString = Secure($"DefaultEndpointsProtocol=http;AccountName=acct;AccountKey={Key};EndpointSuffix=core.windows.net"), ContainerName = "sfprov-acme" } },
        { "connection string", new BlobStateStoreSettings { ConnectionString = Secure("BlobEndpoint=http://acct.blob.core.windows.net/;SharedAccessSignature=sv=2024&sig=SIGSECRET"), ContainerName = "sfprov-acme" } },
    };

    [Theory]
    [MemberData(nameof(PlainHttpForms))]
    public void Plain_http_blob_endpoint_off_loopback_is_refused_naming_the_form_without_the_secret(string form, BlobStateStoreSettings settings)
    {
        var problem = settings.Validate();

        Assert.NotNull(problem);
        Assert.Contains("https", problem);
        Assert.Contains(form, problem);
        Assert.DoesNotContain("SIGSECRET", problem);
        Assert.DoesNotContain(Key, problem);
    }

    [Theory]
    [MemberData(nameof(PlainHttpForms))]
    public void Plain_http_blob_store_is_never_built_so_nothing_is_sent(string form, BlobStateStoreSettings settings)
    {
        using var dir = new TempDirectory();
        var profile = new ProvisioningProfile("acme", dir.Combine("acme"));

        var e = Assert.Throws<ArgumentException>(() => StateStoreFactory.CreateStateStore(profile, settings));

        Assert.Contains(form, e.Message);
    }

    [Fact]
    public void Loopback_http_stays_allowed_for_azurite_in_every_form()
    {
        Assert.Null(new BlobStateStoreSettings { ContainerUri = new Uri("http://127.0.0.1:10000/devstoreaccount1/sfprov-acme"), ManagedIdentity = true }.Validate());
        Assert.Null(new BlobStateStoreSettings { SasToken = Secure("http://127.0.0.1:10000/devstoreaccount1/sfprov-acme?sv=2024&sig=x") }.Validate());
        Assert.Null(new BlobStateStoreSettings { ConnectionString = Secure("UseDevelopmentStorage=true"), ContainerName = "sfprov-acme" }.Validate());
        Assert.Null(new BlobStateStoreSettings { ConnectionString = Secure($"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"), ContainerName = "sfprov-acme" }.Validate());
    }

    [Fact]
    public void Https_connection_string_is_accepted()
    {
        Assert.Null(new BlobStateStoreSettings { ConnectionString = Secure($"DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={Key};EndpointSuffix=core.windows.net"), ContainerName = "sfprov-acme" }.Validate());
    }
}
