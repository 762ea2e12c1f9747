using System;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using ShareFileProvisioning.Engine.ShareFile;
using ShareFileProvisioning.Engine.Source;
using ShareFileProvisioning.Engine.Source.Authentication;

namespace ShareFileProvisioning.Bench
{
    /// <summary>The engine's two clients signed in to the emulator's seeded tenant (its demo credentials).</summary>
    internal static class BenchClients
    {
        public static async Task<(EntraSource Source, ShareFileClient ShareFile)> ConnectAsync(Uri emulator)
        {
            var source = await EntraSource.ConnectAsync(
                new SourceSignInSettings { AccessToken = Secure("any-token"), GraphBaseUri = new Uri(emulator, "v1.0") },
                new SourceAppSelector { ServicePrincipalId = "5b2c0d1e-9f8a-4b7c-a6d5-e4f3a2b1c0d9" }, null, CancellationToken.None);
            var shareFile = new ShareFileClient(new ShareFileConnectionSettings
            {
                Subdomain = "acme", Username = "admin@acme.com", Password = Secure("P@ssw0rd!demo"), ClientId = "sfp-demo-client",
                ClientSecret = Secure("sfp-demo-secret"), BaseAddressOverride = emulator,
            });
            await shareFile.ConnectAsync(CancellationToken.None);
            return (source, shareFile);
        }

        private static SecureString Secure(string value)
        {
            var s = new SecureString();
            foreach (var c in value) s.AppendChar(c);
            s.MakeReadOnly();
            return s;
        }
    }
}
