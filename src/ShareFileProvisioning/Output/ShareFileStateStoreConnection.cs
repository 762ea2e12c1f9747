using System;
using ShareFileProvisioning.Engine.State.Blob;

namespace ShareFileProvisioning
{
    /// <summary>
    /// Where a profile's sync state lives when it must outlive the machine (Azure Automation sandboxes): an Azure Blob
    /// Storage container and how to sign in to it. New-ShareFileStateStoreConnection makes one; the sync and status
    /// cmdlets take it with -StateStore. Shows the container and the kind of sign-in; never a SAS or a connection string.
    /// </summary>
    public sealed class ShareFileStateStoreConnection
    {
        internal ShareFileStateStoreConnection(BlobStateStoreSettings settings)
        {
            Settings = settings;
            // Never the query: a SAS pasted into the URL stays out of the output.
            ContainerUri = settings.ContainerUri?.GetLeftPart(UriPartial.Path).TrimEnd('/')
                ?? (settings.Authentication == BlobStateAuthentication.SasToken ? "(from the SAS URL)" : "(from the connection string)");
            ContainerName = settings.ContainerName;
            Authentication = settings.Authentication.ToString();
            ManagedIdentityClientId = settings.ManagedIdentityClientId;
        }

        public string StoreType => "AzureBlob";

        /// <summary>The container (or account) URL without any query string.</summary>
        public string ContainerUri { get; }

        /// <summary>The container; null when the URL names it, or when it is derived from the profile (sfprov-&lt;profile&gt;).</summary>
        public string ContainerName { get; }

        /// <summary>ManagedIdentity, SasToken or ConnectionString.</summary>
        public string Authentication { get; }

        /// <summary>The user-assigned managed identity's client id; null for the system-assigned one and other sign-ins.</summary>
        public string ManagedIdentityClientId { get; }

        /// <summary>The engine's settings (secrets stay SecureString inside). Build a store with StateStoreFactory.CreateStateStore(profile, Settings).</summary>
        internal BlobStateStoreSettings Settings { get; }

        public override string ToString() => $"{StoreType} {ContainerUri}{(ContainerName == null ? "" : "/" + ContainerName)} ({Authentication})";
    }
}
