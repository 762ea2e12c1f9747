using ShareFileProvisioning.Engine.Diagnostics;

namespace ShareFileProvisioning.Tests.ShareFile;

public class SecretRedactorTests
{
    [Fact]
    public void Authorization_header_keeps_only_the_scheme()
    {
        Assert.Equal("Bearer ***", SecretRedactor.RedactHeader("Authorization", "Bearer abc$$def"));
        Assert.Equal("***", SecretRedactor.RedactHeader("authorization", "opaque"));
        Assert.Equal("application/json", SecretRedactor.RedactHeader("Accept", "application/json"));
    }

    [Fact]
    public void Form_body_secrets_are_masked_and_other_fields_kept()
    {
        var body = "grant_type=password&client_id=sfp-demo-client&client_secret=s3cr%21t&username=admin%40acme.com&password=P%40ss";
        var redacted = SecretRedactor.Redact(body);
        Assert.Equal("grant_type=password&client_id=sfp-demo-client&client_secret=***&username=admin%40acme.com&password=***", redacted);
    }

    [Fact]
    public void Storage_SAS_signatures_and_connection_string_keys_are_masked()
    {
        var sas = SecretRedactor.Redact("https://acct.blob.core.windows.net/c?sv=2024-08-04&se=2026-12-01&sig=AbC%2Bdef%3D&sp=rwdl");
        Assert.Equal("https://acct.blob.core.windows.net/c?sv=2024-08-04&se=2026-12-01&sig=***&sp=rwdl", sas);
        var connection = SecretRedactor.Redact("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=Zm9vYmFy==;EndpointSuffix=core.windows.net");
        Assert.Equal("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=***;EndpointSuffix=core.windows.net", connection);
        // The SAS inside a connection string is itself name=value pairs: its signature is masked either way.
        Assert.Equal("BlobEndpoint=https://a;SharedAccessSignature=***&sig=***", SecretRedactor.Redact("BlobEndpoint=https://a;SharedAccessSignature=sv=1&sig=x"));
    }

    [Fact]
    public void Query_string_tokens_are_masked_case_insensitively()
    {
        var redacted = SecretRedactor.RedactUrl(new Uri("https://acme.sf-api.com/sf/v3/Users?Access_Token=abc123&emailaddress=a%40acme.com&refresh_token=r1#frag"));
        Assert.Equal("https://acme.sf-api.com/sf/v3/Users?Access_Token=***&emailaddress=a%40acme.com&refresh_token=***#frag", redacted);
    }

    [Fact]
    public void Json_body_secrets_are_masked_including_escaped_quotes_and_non_strings()
    {
        var json = "{\"access_token\":\"tok\\\"en\",\"refresh_token\" : \"r\",\"Password\":\"p\",\"client_secret\":12345,\"Email\":\"a@acme.com\",\"code\":\"NotFound\"}";
        var redacted = SecretRedactor.Redact(json);
        Assert.Equal("{\"access_token\":\"***\",\"refresh_token\" : \"***\",\"Password\":\"***\",\"client_secret\":\"***\",\"Email\":\"a@acme.com\",\"code\":\"NotFound\"}", redacted);
    }

    [Fact]
    public void Bearer_tokens_in_free_text_are_masked()
    {
        Assert.Equal("sent Authorization: Bearer *** to host", SecretRedactor.Redact("sent Authorization: Bearer kSGy$$m3BM to host"));
    }

    [Fact]
    public void Text_without_secrets_is_unchanged()
    {
        const string text = "GET https://acme.sf-api.com/sf/v3/Accounts/Employees?$top=2&$skip=2 -> 200";
        Assert.Equal(text, SecretRedactor.Redact(text));
    }

    [Theory]
    [InlineData("{\"clientSecret\":\"S3CRET-x\",\"user\":\"a\"}", "{\"clientSecret\":\"***\",\"user\":\"a\"}")]
    [InlineData("{\"refreshToken\": \"S3CRET-x\"}", "{\"refreshToken\": \"***\"}")]
    [InlineData("{\"AccessToken\":\"S3CRET-x\"}", "{\"AccessToken\":\"***\"}")]
    [InlineData("{\"password\":\"S3CRET-x\"}", "{\"password\":\"***\"}")]
    [InlineData("clientSecret=S3CRET-x&clientId=abc", "clientSecret=***&clientId=abc")]
    [InlineData("grant_type=refresh_token&refresh-token=S3CRET-x", "grant_type=refresh_token&refresh-token=***")]
    [InlineData("request was {\\\"password\\\":\\\"S3CRET-x\\\",\\\"u\\\":1}", "request was {\\\"password\\\":\\\"***\\\",\\\"u\\\":1}")]
    [InlineData("invalid input (access_token: S3CRET-x, user: a)", "invalid input (access_token: ***, user: a)")]
    [InlineData("clientSecret: S3CRET-x", "clientSecret: ***")]
    public void Camel_case_json_escaped_json_and_colon_forms_are_masked(string text, string expected)
    {
        Assert.Equal(expected, SecretRedactor.Redact(text));
    }

    [Theory]
    [InlineData("clientSecret")]
    [InlineData("refresh-token")]
    [InlineData("AccountKey")]
    [InlineData("PASSWORD")]
    public void Secret_names_are_recognised_in_every_case_style(string name)
    {
        Assert.True(SecretRedactor.IsSecretName(name));
    }

    [Fact]
    public void Secret_names_do_not_swallow_ordinary_fields()
    {
        Assert.False(SecretRedactor.IsSecretName("signature"));
        Assert.False(SecretRedactor.IsSecretName("email"));
        const string text = "{\"passwordPolicy\":\"strict\",\"signInName\":\"a\"} $deltatoken=abc";
        Assert.Equal(text, SecretRedactor.Redact(text));
    }
}
